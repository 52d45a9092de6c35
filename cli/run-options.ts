import { existsSync, statSync } from 'node:fs';
import { DRIVER_NAMES, type DriverName } from '../drivers/driver.ts';
import { TwinsubError } from '../core/twinsub-error.ts';
import { SCHEME_NAMES } from '../subjects/registry.ts';
import { DEFECTS } from '../target/user-key.ts';
import { DEFAULT_SETTINGS, type RunSettings } from '../scenarios/run-settings.ts';

export const TARGETS = ['reference'] as const;
export const SCENARIOS = ['twins', 'twin-sets', 'population'] as const;
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
  if (existsSync(raw.reportDir) && !statSync(raw.reportDir).isDirectory()) {
    problems.push(`--report-dir must be a directory (got '${raw.reportDir}', an existing file)`);
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
    scenarios: [...new Set(raw.scenario)] as ResolvedRunOptions['scenarios'],
  };
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
