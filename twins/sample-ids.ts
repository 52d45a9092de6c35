import { ManualClock } from '../core/clock.ts';
import { seededRandom } from '../core/random.ts';
import { createScheme } from '../subjects/registry.ts';
import type { SubjectScheme } from '../subjects/subject-scheme.ts';
import type { TwinRequest } from './twin-request.ts';

/** A fresh instance of the request's scheme, its clock at the request's start. */
export function schemeOf(request: TwinRequest): SubjectScheme {
  const context = { clock: new ManualClock(request.startMs), random: seededRandom(request.seed) };
  return createScheme(request.scheme, context, request.schemeOptions);
}

/** Ids the scheme issues a second apart and in a burst: what the impossibility rules check. */
export function sampleIds(request: TwinRequest): string[] {
  const clock = new ManualClock(request.startMs);
  const context = { clock, random: seededRandom(request.seed) };
  const scheme = createScheme(request.scheme, context, request.schemeOptions);
  return Array.from({ length: 200 }, (_, i) => {
    clock.advance(i % 2 === 0 ? 1_000 : 0);
    return scheme.next();
  });
}
