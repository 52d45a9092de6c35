import { DEFAULT_EPOCH_MS, ManualClock } from '../core/clock.ts';
import { seededRandom } from '../core/random.ts';
import { createScheme } from '../subjects/registry.ts';
import { createTransform } from '../transforms/create-transform.ts';
import { countPairs, creationTimes, type CollisionQuestion } from './collision-question.ts';

const ISS = 'https://idp.twinsub.test';

/** Colliding pairs among accounts the scheme really issues at the question's rate. */
export function simulateCollisions(question: CollisionQuestion): number {
  const startMs = question.startMs ?? DEFAULT_EPOCH_MS;
  const clock = new ManualClock(startMs);
  const random = seededRandom(question.seed ?? 1);
  const scheme = createScheme(question.scheme, { clock, random }, question.schemeOptions ?? {});
  const transform = createTransform(question.transform);

  const keys = creationTimes(question, startMs).map((ms, i) => {
    clock.set(ms);
    return transform.key(ISS, scheme.next(), { email: `user-${i + 1}@example.test` });
  });
  return countPairs(keys);
}
