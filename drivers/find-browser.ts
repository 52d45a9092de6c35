import { accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';
import { TwinsubError } from '../core/twinsub-error.ts';

/** Environment variable naming a Chromium or Chrome executable to use. */
export const BROWSER_ENV = 'TWINSUB_CHROMIUM';

const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/**
 * Finds a Chromium to drive: the one named by TWINSUB_CHROMIUM, else Playwright's own where it was
 * installed (`npx playwright install chromium`), else a system Chromium on the PATH.
 */
export function findBrowser(env: NodeJS.ProcessEnv = process.env): string {
  const named = env[BROWSER_ENV];
  if (named) {
    if (isExecutable(named)) return named;
    throw new TwinsubError(
      'BROWSER_NOT_FOUND',
      `${BROWSER_ENV} must name an executable Chromium (got '${named}')`,
    );
  }

  // Loaded only here: playwright-core is large, and a protocol run's command line never needs it.
  const { chromium } = createRequire(import.meta.url)(
    'playwright-core',
  ) as typeof import('playwright-core');
  const bundled = chromium.executablePath();
  if (bundled && isExecutable(bundled)) return bundled;

  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of SYSTEM_NAMES) {
      const candidate = join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  throw new TwinsubError(
    'BROWSER_NOT_FOUND',
    'Failed to find a browser: no Playwright Chromium, no chromium on the PATH and no ' +
      `${BROWSER_ENV}; on Debian run 'apt-get install -y chromium', or use --driver protocol`,
  );
}

/** Flags for a headless Chromium on a machine with no network but loopback, possibly as root. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
