import { TwinsubError } from '../core/twinsub-error.ts';
import { loadConfig } from '../config/load-config.ts';
import { CONFIG_ENV } from '../config/config-env.ts';
import type { ResolvedRunOptions } from './run-options.ts';

/**
 * Checks the configuration before anything starts (every problem at once, exit 2), then hands
 * its path to the scenario workers. Its fixed ports allow one world at a time: one worker.
 */
export async function useConfig(file: string, options: ResolvedRunOptions): Promise<void> {
  const config = await loadConfig(file);
  if (typeof config.consent === 'function' && options.driver !== 'browser') {
    throw new TwinsubError(
      'INVALID_OPTION',
      `--driver must be browser when consent is a page object (got '${options.driver}')`,
    );
  }
  if (config.target.kind === 'image') {
    // No engine, or a socket nothing answers on: one sentence now, not an error in every world.
    const { containerEngine } = await import('../world/container-target.ts');
    await containerEngine(config.target.url);
  }
  process.env[CONFIG_ENV] = config.file;
  process.env.TWINSUB_WORKERS = '1';
  options.settings.target = `config:${config.file}`;
}
