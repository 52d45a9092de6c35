import { existsSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
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
  if (statSync(file).isDirectory()) {
    throw new TwinsubError(
      'INVALID_OPTION',
      `--config must name a file, not a folder (got '${path}'); name its twinsub.config.ts`,
    );
  }
  if (!/\.m?ts$/.test(file)) {
    // A .cts or .js file is read as CommonJS, which cannot load twinsub's ES modules.
    throw new TwinsubError(
      'INVALID_OPTION',
      `--config must name a .ts or .mts file, an ES module (got '${path}')`,
    );
  }
  let module: { default?: unknown };
  try {
    module = (await import(pathToFileURL(file).href)) as { default?: unknown };
  } catch (error) {
    throw new TwinsubError('INVALID_OPTION', `Failed to load ${path}: ${loadFailure(error, path)}`);
  }
  if (module.default === undefined) {
    throw new TwinsubError(
      'INVALID_OPTION',
      `${path} must export its configuration as default (export default defineConfig({...}))`,
    );
  }
  return resolveConfig(module.default, file);
}

/** Why a configuration file could not be imported, in one line, with the fix where one is known. */
function loadFailure(error: unknown, path: string): string {
  // A configuration may throw anything, null included.
  if (!(error instanceof Error)) return `it threw ${String(error)}`;
  const { code, message } = error as NodeJS.ErrnoException;
  // Outside a package that says "type": "module", Node and tsx read a .ts file as CommonJS, which
  // cannot load twinsub's own modules (ES modules) that a configuration imports.
  if (code === 'ERR_REQUIRE_CYCLE_MODULE' || code === 'ERR_REQUIRE_ESM') {
    const mts = basename(path).replace(/\.ts$/, '') + '.mts';
    return (
      'it was read as CommonJS, since no package.json above it says "type": "module"; ' +
      `rename it to ${mts} or add "type": "module" to your package.json`
    );
  }
  // esbuild's syntax errors put the place and the problem on the lines after the first.
  const text = message.split('\n').join(' ').trim();
  return text === '' ? `it threw ${error.name} with no message` : text;
}
