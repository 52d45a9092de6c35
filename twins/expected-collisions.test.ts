import { describe, expect, it } from 'vitest';
import type { CollisionQuestion } from './collision-question.ts';
import { expectedCollisions } from './expected-collisions.ts';
import { simulateCollisions } from './simulate-collisions.ts';

function predicted(question: CollisionQuestion): number {
  const expectation = expectedCollisions(question);
  if ('unsupported' in expectation) throw new Error(expectation.unsupported);
  return expectation.expectedPairs;
}

describe('expectedCollisions', () => {
  it.each([
    // 5,000 accounts 0.5 s apart span 41.7 min, about six 429.5 s time_low windows.
    ['uuid-v1', 'slice:9:36', 5_000, 2, 2_044_579],
    ['uuid-v1', 'slice:9:36', 3_000, 0.1, 62_683],
    ['uuid-v1', 'prefix:8', 3_000, 1_000, 0],
    ['uuid-v6', 'prefix:8', 3_000, 1, 38_609],
    ['uuid-v6', 'slice:9:36', 3_000, 0.01, 0],
  ] as const)(
    'counts %s pairs under %s exactly (%i accounts at %d a second)',
    (scheme, transform, population, ratePerSecond, pairs) => {
      const question = { scheme, transform, population, ratePerSecond };

      expect(expectedCollisions(question)).toMatchObject({ method: 'exact', expectedPairs: pairs });
      expect(simulateCollisions(question)).toBe(pairs);
    },
  );

  // Tolerance: the mean of 30 seeded simulations lies within 4 standard errors of the birthday
  // bound (pair counts are close to Poisson, so the variance of one run is about its mean).
  it.each([
    ['uuid-v4', 'prefix:5', 3_000, 4.2901],
    ['uuid-v4', 'sha256-bits:16', 1_000, 7.6218],
    ['okta', 'slice:3:7+lower', 3_000, 3.4798],
    ['google', 'suffix:6', 3_000, 4.4985],
    ['pairwise', 'prefix:4+upper', 3_000, 2.8937],
  ] as const)(
    'predicts %s pairs under %s by the birthday bound, as 30 simulations confirm',
    (scheme, transform, population, expected) => {
      const question = { scheme, transform, population, ratePerSecond: 1 };
      const runs = Array.from({ length: 30 }, (_, seed) =>
        simulateCollisions({ ...question, seed: seed + 1 }),
      );
      const mean = runs.reduce((a, b) => a + b, 0) / runs.length;

      expect(predicted(question)).toBeCloseTo(expected, 3);
      expect(Math.abs(mean - expected)).toBeLessThanOrEqual(4 * Math.sqrt(expected / 30));
    },
  );

  it('declines what it cannot count in closed form, pointing at simulation', () => {
    const question = { population: 10, ratePerSecond: 1 };

    expect(expectedCollisions({ ...question, scheme: 'ulid', transform: 'prefix:10' })).toEqual({
      unsupported: 'ulid has time or counter characters; use simulation',
    });
    expect(expectedCollisions({ ...question, scheme: 'google', transform: 'number' })).toEqual({
      unsupported: 'number is not a character transform; use simulation',
    });
  });
});
