import type { Clock } from '../core/clock.ts';
import { listen } from '../core/listen.ts';
import { logger } from '../core/log.ts';
import type { MbiHashOptions } from '../fixtures/mbi-hash.ts';
import type { Population } from '../fixtures/population.ts';
import { fhirHandlers } from './fhir-handlers.ts';
import { type RequestLogEntry, serveHandlers } from './serve-handlers.ts';

const log = logger('backend');

/** Oldest entries are dropped past this many, so a long run cannot grow the log without bound. */
export const REQUEST_LOG_LIMIT = 10_000;

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

  const started = await listen(serveHandlers(handlers, record), { host, port });
  log('serving %d beneficiaries at %s', population.size, started.url);

  return {
    url: started.url,
    fhirBaseUrl: `${started.url}/v2/fhir`,
    port: started.port,
    population,
    requests: () => [...answered],
    clearRequests: () => void answered.splice(0),
    stop: started.stop,
    [Symbol.asyncDispose]: started.stop,
  };
}
