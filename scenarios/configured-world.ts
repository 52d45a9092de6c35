import { CONFIG_ENV } from '../config/config-env.ts';
import { loadConfig } from '../config/load-config.ts';
import type { ConsentSelectors, ResolvedConfig } from '../config/twinsub-config.ts';
import { startConfiguredWorld } from '../world/start-configured-world.ts';
import type { World } from '../world/start-world.ts';
import type { RunSettings } from './run-settings.ts';

let loaded: Promise<ResolvedConfig> | undefined;

/** The run's configuration, when `twinsub run --config` named one; loaded once per worker. */
function runConfig(): Promise<ResolvedConfig> | undefined {
  const file = process.env[CONFIG_ENV];
  if (!file) return undefined;
  loaded ??= loadConfig(file);
  return loaded;
}

/** A world around the configured target, or undefined for the built-in reference target. */
export async function configuredWorld(
  settings: RunSettings,
  populationSize: number,
): Promise<World | undefined> {
  const config = await runConfig();
  if (!config) return undefined;
  return startConfiguredWorld(config, {
    seed: settings.seed,
    scheme: settings.scheme,
    populationSize,
  });
}

/** The configured consent selectors for the protocol driver (a page object is browser-only). */
export async function configuredConsent(): Promise<ConsentSelectors | undefined> {
  const consent = (await runConfig())?.consent;
  return typeof consent === 'object' ? consent : undefined;
}

/** The configured consent page, selectors or page object, for the browser driver. */
export async function configuredBrowserConsent(): Promise<ResolvedConfig['consent'] | undefined> {
  return (await runConfig())?.consent;
}
