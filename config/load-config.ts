import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TwinsubError } from '../core/twinsub-error.ts';
import { resolveConfig } from './resolve-config.ts';
import type { ResolvedConfig } from './twinsub-config.ts';

/** Imports a `twinsub.config.ts` (its default export) and checks all of it. */
export async function loadConfig(path: string): Promise<ResolvedConfig> {
  const file = resolve(path);
  if (!existsSync(file)) {
    throw new TwinsubError('INVALID_OPTION', `--config must name an existing file (got '${path}')`);
  }
  let module: { default?: unknown };
  try {
    module = (await import(pathToFileURL(file).href)) as { default?: unknown };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new TwinsubError('INVALID_OPTION', `Failed to load ${path}: ${reason}`);
  }
  if (module.default === undefined) {
    throw new TwinsubError(
      'INVALID_OPTION',
      `${path} must export its configuration as default (export default defineConfig({...}))`,
    );
  }
  return resolveConfig(module.default, file);
}
