import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TwinsubError } from '../core/twinsub-error.ts';
import { REPORT_LINKS } from '../report/report-links.ts';
import { SMALL_YOUNG_GENERATION } from '../world/spawn-part.ts';
import type { Results } from '../reporting/results.ts';
import { settingsToEnv } from '../scenarios/run-settings.ts';
import { markReportDir } from '../reporting/report-dir-marker.ts';
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
  prepareReportDir(reportDir, [
    resultsFile,
    join(reportDir, REPORT_LINKS.report),
    join(reportDir, REPORT_LINKS.junit),
    join(reportDir, REPORT_LINKS.screenshots),
  ]);

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
    // The runner and its workers too (world/spawn-part.ts says why); the user's options kept.
    NODE_OPTIONS: [process.env.NODE_OPTIONS, ...SMALL_YOUNG_GENERATION].filter(Boolean).join(' '),
  };
  const code = await new Promise<number>((done, fail) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
      // A group of its own: a terminal's Ctrl-C reaches the runner once, forwarded below, and
      // not twice (Playwright's second SIGINT stops without cleaning up).
      detached: true,
    });
    // An interrupted twinsub interrupts its run: Playwright then stops its workers, which stop
    // the world's processes, and records the run as interrupted.
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.once('error', fail);
    child.once('exit', (exitCode, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      done(exitCode ?? (signal ? 128 : 1));
    });
  });

  if (!existsSync(resultsFile)) {
    throw new TwinsubError(
      'UNSUPPORTED',
      `Failed to run the scenarios: Playwright Test ended with code ${code} and wrote no ${resultsFile}`,
    );
  }
  return JSON.parse(readFileSync(resultsFile, 'utf8')) as Results;
}

/**
 * Creates the report directory and marks it as twinsub's, and removes the files of an earlier
 * run: a results.json left behind must never be read as this run's verdict, nor an earlier
 * browser run's screenshots as this one's.
 */
function prepareReportDir(reportDir: string, earlierFiles: string[]): void {
  try {
    markReportDir(reportDir);
    for (const file of earlierFiles) rmSync(file, { force: true, recursive: true });
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new TwinsubError(
      'INVALID_OPTION',
      `--report-dir must be a directory twinsub can write (got '${reportDir}': ${reason})`,
      { cause: error },
    );
  }
}
