/**
 * The settings of one `twinsub run`, handed from the command line to the scenario specs through
 * TWINSUB_* environment variables (Playwright Test runs specs in worker processes).
 */
export interface RunSettings {
  target: string;
  defect: string;
  seed: number;
  /** Beneficiaries in the population scenario. */
  population: number;
  scheme: string;
  reportDir: string;
}

export const DEFAULT_SETTINGS: RunSettings = {
  target: 'reference',
  defect: 'none',
  seed: 1,
  population: 200,
  scheme: 'uuid-v1',
  reportDir: 'reports/latest',
};

const ENV = {
  target: 'TWINSUB_TARGET',
  defect: 'TWINSUB_DEFECT',
  seed: 'TWINSUB_SEED',
  population: 'TWINSUB_POPULATION',
  scheme: 'TWINSUB_SCHEME',
  reportDir: 'TWINSUB_REPORT_DIR',
} as const satisfies Record<keyof RunSettings, string>;

export function settingsToEnv(settings: RunSettings): Record<string, string> {
  return Object.fromEntries(
    Object.entries(ENV).map(([key, name]) => [name, String(settings[key as keyof RunSettings])]),
  );
}

/** Reads the settings the command line set; anything unset takes its default. */
export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): {
  settings: RunSettings;
  record: Record<string, string | number>;
} {
  const read = (key: keyof RunSettings) => env[ENV[key]] ?? String(DEFAULT_SETTINGS[key]);
  const settings: RunSettings = {
    target: read('target'),
    defect: read('defect'),
    seed: Number(read('seed')),
    population: Number(read('population')),
    scheme: read('scheme'),
    reportDir: read('reportDir'),
  };
  return { settings, record: { ...settings } };
}
