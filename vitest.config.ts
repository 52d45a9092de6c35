import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Playwright specs (*.spec.ts) belong to the scenario runner, not to vitest.
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'reports/**', 'test-results/**'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
