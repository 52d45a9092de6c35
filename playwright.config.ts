import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findBrowser } from './drivers/find-browser.ts';
import { settingsFromEnv } from './scenarios/run-settings.ts';

const { settings } = settingsFromEnv();
const reportDir = settings.reportDir;

/** The browser project needs a Chromium; the command line checks for one before it starts. */
function browserPath(): string | undefined {
  try {
    return findBrowser();
  } catch {
    return undefined;
  }
}

export default defineConfig({
  testDir: 'scenarios',
  testMatch: '*.spec.ts',
  outputDir: `${reportDir}/test-results`,
  // A safety net against a hung run, not a speed check: `npm run bench` measures speed.
  timeout: 600_000,
  // Each scenario starts its own world on free ports, so scenarios run side by side safely.
  workers: Number(process.env.TWINSUB_WORKERS ?? 2),
  forbidOnly: Boolean(process.env.CI),
  // The results reporter comes before `html`: it annotates each scenario with a link to the
  // isolation report, and the HTML reporter must see that annotation when it renders.
  reporter: [
    ['./reporting/progress-reporter.ts'],
    ['./reporting/results-reporter.ts', { outputFile: `${reportDir}/results.json` }],
    ['html', { outputFolder: `${reportDir}/playwright`, open: 'never' }],
  ],
  use: {
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'protocol' },
    {
      name: 'browser',
      use: {
        browserName: 'chromium',
        headless: true,
        launchOptions: { executablePath: browserPath(), args: CHROMIUM_ARGS },
      },
    },
  ],
});
