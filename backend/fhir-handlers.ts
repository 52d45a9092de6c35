import type { HttpHandler } from 'msw';
import { type Clock, systemClock } from '../core/clock.ts';
import { type MbiHashOptions, resolveMbiHashOptions } from '../fixtures/mbi-hash.ts';
import type { Population } from '../fixtures/population.ts';
import { coverageHandlers } from './coverage-handlers.ts';
import { eobHandlers } from './eob-handlers.ts';
import { metadataHandlers } from './metadata-handlers.ts';
import { patientHandlers } from './patient-handlers.ts';
import { PopulationIndex } from './population-index.ts';

export interface FhirHandlersOptions {
  /** Salt (hex) and iterations of the MBI hash the login lookup uses; defaults as `mbiHash`. */
  mbiHash?: MbiHashOptions;
  /** Time stamped into `Bundle.meta.lastUpdated`. Default: the system clock. */
  clock?: Clock;
}

/**
 * msw handlers in the shape of BFD's FHIR API (DOMAIN.md section 7) serving `population`. Their
 * origin is `*`, so the same handlers answer in-process under `setupServer` and over HTTP through
 * `startDataBackend`. Paths answer with and without a trailing slash; any other path under
 * `/v2/fhir/` answers a 404 OperationOutcome.
 */
export function fhirHandlers(
  population: Population,
  options: FhirHandlersOptions = {},
): HttpHandler[] {
  const index = new PopulationIndex(population, resolveMbiHashOptions(options.mbiHash));
  const clock = options.clock ?? systemClock;
  return [
    ...patientHandlers(index, clock),
    ...eobHandlers(index, clock),
    ...coverageHandlers(index, clock),
    ...metadataHandlers(),
  ];
}
