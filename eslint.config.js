import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'reports/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Playwright Test fixtures with no dependencies must be written with an empty pattern.
    files: ['scenarios/**'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    // The command line and benchmark scripts are where people read output.
    files: ['cli/**', 'bin/**', 'bench/**', 'scripts/**'],
    rules: { 'no-console': 'off' },
  },
);
