/** What a `twinsub run` needs to be repeated exactly. */
export interface RunToRepeat {
  settings: Record<string, string | number>;
  driver: string;
  scenarios: string[];
}

/**
 * The `twinsub run` command line that repeats a run: every setting spelled out, so that a later
 * change of a default cannot change what the command does.
 */
export function reproduceCommand({ settings, driver, scenarios }: RunToRepeat): string {
  const args = ['npx', 'twinsub', 'run'];
  for (const name of ['target', 'defect'] as const) {
    if (settings[name] !== undefined) args.push(`--${name}`, String(settings[name]));
  }
  args.push('--driver', driver, '--scenario', ...scenarios);
  for (const name of ['population', 'seed', 'scheme'] as const) {
    if (settings[name] !== undefined) args.push(`--${name}`, String(settings[name]));
  }
  if (settings.reportDir !== undefined) args.push('--report-dir', String(settings.reportDir));
  return args.map(shellQuote).join(' ');
}

/** POSIX shell quoting: plain words stay as they are, anything else goes in single quotes. */
export function shellQuote(word: string): string {
  if (/^[\w@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
