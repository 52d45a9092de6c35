import { logger } from '../core/log.ts';

type ProviderModule = typeof import('oidc-provider');

const log = logger('simulator:provider');

/** What oidc-provider 9 prints when it is imported on Node 20 (lib/index.js). */
const RUNTIME_NOTICE = 'oidc-provider WARNING: Unsupported runtime';

let loaded: Promise<ProviderModule> | undefined;

/**
 * Imports oidc-provider once. On Node 20 it prints a notice that it wants Node 22; the project
 * runs it on Node 20 on purpose (shared/STACK.md), and library code does not print, so that one
 * notice goes to the debug log while the import runs. Every other line passes through.
 */
export function loadProvider(): Promise<ProviderModule> {
  loaded ??= withRuntimeNoticeLogged(() => import('oidc-provider'));
  return loaded;
}

/* eslint-disable no-console -- intercepts oidc-provider's console, prints nothing itself */
async function withRuntimeNoticeLogged<T>(load: () => Promise<T>): Promise<T> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes(RUNTIME_NOTICE)) {
      log('%s', args[0]);
      return;
    }
    warn(...args);
  };
  try {
    return await load();
  } finally {
    console.warn = warn;
  }
}
/* eslint-enable no-console */
