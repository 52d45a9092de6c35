import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DRIVER_NAMES, type DriverName } from '../drivers/driver.ts';
import { TwinsubError } from '../core/twinsub-error.ts';
import { SCHEME_NAMES } from '../subjects/registry.ts';
import { DEFECTS } from '../target/user-key.ts';
import { DEFAULT_SETTINGS, type RunSettings } from '../scenarios/run-settings.ts';
import { REPORT_DIR_MARKER } from '../reporting/report-dir-marker.ts';

export const TARGETS = ['reference'] as const;
export const SCENARIOS = ['twins', 'twin-sets', 'concurrent-logins', 'population'] as const;
const MAX_SEED = 2 ** 31 - 1;
const MAX_POPULATION = 100_000;

/** Options of `twinsub run` as commander hands them over: strings, unchecked. */
export interface RawRunOptions {
  target: string;
  defect: string;
  driver: string;
  population: string;
  seed: string;
  scheme: string;
  reportDir: string;
  scenario: string[];
}

export interface ResolvedRunOptions {
  settings: RunSettings;
  driver: DriverName;
  scenarios: (typeof SCENARIOS)[number][];
}

/** Checks every option and reports all problems in one error, each naming its option. */
export function resolveRunOptions(raw: RawRunOptions): ResolvedRunOptions {
  const problems: string[] = [];
  const oneOf = (option: string, value: string, allowed: readonly string[]) => {
    if (!allowed.includes(value)) {
      problems.push(`--${option} must be one of ${allowed.join(', ')} (got '${value}')`);
    }
  };

  oneOf('target', raw.target, TARGETS);
  oneOf('defect', raw.defect, DEFECTS);
  oneOf('driver', raw.driver, DRIVER_NAMES);
  oneOf('scheme', raw.scheme, SCHEME_NAMES);
  for (const name of raw.scenario) oneOf('scenario', name, SCENARIOS);
  const seed = integerOption(problems, 'seed', raw.seed, 0, MAX_SEED);
  const population = integerOption(problems, 'population', raw.population, 0, MAX_POPULATION);
  const reportDirProblem = checkReportDir(raw.reportDir);
  if (reportDirProblem) problems.push(reportDirProblem);
  // `--population 0` skips the population scenario, as its help says.
  const scenarios = [...new Set(raw.scenario)].filter(
    (name) => population > 0 || name !== 'population',
  );
  if (scenarios.length === 0 && problems.length === 0) {
    problems.push('--population 0 leaves no scenario to run: add --scenario twins or a population');
  }
  if (raw.driver === 'browser' && scenarios.length === 1 && scenarios[0] === 'population') {
    problems.push(
      '--scenario population logs in over HTTP only: use --driver protocol, or add twins',
    );
  }

  if (problems.length > 0) throw new TwinsubError('INVALID_OPTION', problems.join('\n'));
  return {
    settings: {
      ...DEFAULT_SETTINGS,
      target: raw.target,
      defect: raw.defect,
      seed,
      population,
      scheme: raw.scheme,
      reportDir: raw.reportDir,
    },
    driver: raw.driver as DriverName,
    scenarios: scenarios as ResolvedRunOptions['scenarios'],
  };
}

/**
 * A report directory is new, empty, or one twinsub wrote before: Playwright empties its
 * `playwright/` and `test-results/` folders, so a folder of someone else's must never be used.
 */
function checkReportDir(dir: string): string | undefined {
  if (dir.trim() === '') return "--report-dir must name a directory (got '')";
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory())
      return `--report-dir must be a directory (got '${dir}', a file)`;
    const entries = readdirSync(dir);
    if (entries.length === 0 || entries.includes(REPORT_DIR_MARKER)) return undefined;
    return (
      `--report-dir must be new, empty or an earlier twinsub report directory (got '${dir}', ` +
      'which holds other files); choose another folder'
    );
  }
  for (let parent = dirname(resolve(dir)); ; parent = dirname(parent)) {
    if (existsSync(parent)) {
      return statSync(parent).isDirectory()
        ? undefined
        : `--report-dir must be a directory twinsub can create (got '${dir}': ${parent} is a file)`;
    }
    if (parent === dirname(parent)) return undefined;
  }
}

function integerOption(
  problems: string[],
  option: string,
  value: string,
  min: number,
  max: number,
): number {
  const number = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (Number.isSafeInteger(number) && number >= min && number <= max) return number;
  problems.push(`--${option} must be a whole number from ${min} to ${max} (got '${value}')`);
  return min;
}
