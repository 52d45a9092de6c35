import type { Clock } from '../core/clock.ts';
import { listen } from '../core/listen.ts';
import { logger } from '../core/log.ts';
import type { MbiHashOptions } from '../fixtures/mbi-hash.ts';
import type { Population } from '../fixtures/population.ts';
import { fhirHandlers } from './fhir-handlers.ts';
import { LoginLookupGate, type LookupHold } from './login-lookup-gate.ts';
import { PopulationIndex } from './population-index.ts';
import { resolveMbiHashOptions } from '../fixtures/mbi-hash.ts';
import { type RequestLogEntry, serveHandlers } from './serve-handlers.ts';

const log = logger('backend');

/** Oldest entries are dropped past this many, so a long run cannot grow the log without bound. */
export const REQUEST_LOG_LIMIT = 10_000;
/**
 * How long a hold of login lookups waits for the next one before it stops holding more: a
 * liveness limit for targets that never make them all, far above the gap between the lookups of
 * logins that run side by side, even on a busy machine.
 */
const DEFAULT_IDLE_LIMIT_MS = 30_000;

export interface DataBackendOptions {
  population: Population;
  /** Salt (hex) and iterations of the MBI hash; defaults as `mbiHash`. */
  mbiHash?: MbiHashOptions;
  /** Interface to bind. Default `127.0.0.1`. */
  host?: string;
  /** TCP port; default 0, any free one. */
  port?: number;
  /** Time stamped into Bundles. Default: the system clock. */
  clock?: Clock;
}

/** A data backend serving over HTTP; stop it (or `await using` it) when done. */
export interface StartedDataBackend extends AsyncDisposable {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  readonly url: string;
  /** `<url>/v2/fhir`: the base a target is configured with. */
  readonly fhirBaseUrl: string;
  readonly port: number;
  readonly population: Population;
  /** Every request answered so far, oldest first (at most `REQUEST_LOG_LIMIT`). */
  requests(): readonly RequestLogEntry[];
  clearRequests(): void;
  /**
   * Holds login lookups until `count` wait at once, then lets the caller answer them one at a
   * time in the population's order (`LoginLookupGate`): that many first logins are inside their
   * check-then-store window together, and store in the same order every run.
   */
  holdLoginLookups(count: number, options?: { idleLimitMs?: number }): LookupHold;
  stop(): Promise<void>;
}

export async function startDataBackend(options: DataBackendOptions): Promise<StartedDataBackend> {
  const { population, host = '127.0.0.1', port = 0 } = options;
  const handlers = fhirHandlers(population, { mbiHash: options.mbiHash, clock: options.clock });

  const answered: RequestLogEntry[] = [];
  const record = (entry: RequestLogEntry) => {
    answered.push(entry);
    if (answered.length > REQUEST_LOG_LIMIT) answered.shift();
  };

  const index = new PopulationIndex(population, resolveMbiHashOptions(options.mbiHash));
  const gate = new LoginLookupGate((request) => lookupRank(index, request));
  const started = await listen(serveHandlers(handlers, record, gate), { host, port });
  log('serving %d beneficiaries at %s', population.size, started.url);

  return {
    url: started.url,
    fhirBaseUrl: `${started.url}/v2/fhir`,
    port: started.port,
    population,
    requests: () => [...answered],
    clearRequests: () => void answered.splice(0),
    holdLoginLookups: (count, holdOptions = {}) =>
      gate.hold(count, { idleLimitMs: holdOptions.idleLimitMs ?? DEFAULT_IDLE_LIMIT_MS }),
    stop: started.stop,
    [Symbol.asyncDispose]: started.stop,
  };
}

/**
 * Where the beneficiary a login lookup asks for stands in the population (held lookups are
 * answered in that order); past the end when it names nobody.
 */
async function lookupRank(index: PopulationIndex, request: Request): Promise<number> {
  const url = new URL(request.url);
  const fields =
    request.method === 'POST'
      ? new URLSearchParams(await request.clone().text())
      : url.searchParams;
  const value = (fields.get('identifier') ?? '').split('|').slice(1).join('|');
  const beneficiary = index.byMbiHash(value) ?? index.byMbi(value);
  const rank = beneficiary ? index.population.beneficiaries.indexOf(beneficiary) : -1;
  return rank < 0 ? Number.MAX_SAFE_INTEGER : rank;
}
