import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TwinsubError } from '../core/twinsub-error.ts';
import { REPORT_LINKS } from '../report/report-links.ts';
import type { Results } from '../reporting/results.ts';
import { settingsToEnv } from '../scenarios/run-settings.ts';
import type { ResolvedRunOptions } from './run-options.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PLAYWRIGHT_CLI = createRequire(import.meta.url).resolve('@playwright/test/cli');

/**
 * Runs the chosen scenarios under Playwright Test (so browser logins get its traces, screenshots
 * and HTML report) and reads back the `results.json` its results reporter wrote.
 */
export async function runScenarios(options: ResolvedRunOptions): Promise<Results> {
  const reportDir = resolve(options.settings.reportDir);
  const resultsFile = join(reportDir, 'results.json');
  // A results.json or report left from an earlier run must never be read as this run's verdict.
  for (const file of [
    resultsFile,
    join(reportDir, REPORT_LINKS.report),
    join(reportDir, REPORT_LINKS.junit),
  ]) {
    rmSync(file, { force: true });
  }

  const args = [
    PLAYWRIGHT_CLI,
    'test',
    '--config',
    join(ROOT, 'playwright.config.ts'),
    // `--project` takes several names: joined with `=` it cannot swallow the spec paths after it.
    `--project=${options.driver}`,
    ...options.scenarios.map((name) => `scenarios/${name}.spec.ts`),
  ];
  const env = {
    ...process.env,
    ...settingsToEnv({ ...options.settings, reportDir }),
    PLAYWRIGHT_HTML_OPEN: 'never',
  };
  const code = await new Promise<number>((done, fail) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.once('error', fail);
    child.once('exit', (exitCode, signal) => done(exitCode ?? (signal ? 128 : 1)));
  });

  if (!existsSync(resultsFile)) {
    throw new TwinsubError(
      'UNSUPPORTED',
      `Failed to run the scenarios: Playwright Test ended with code ${code} and wrote no ${resultsFile}`,
    );
  }
  return JSON.parse(readFileSync(resultsFile, 'utf8')) as Results;
}
