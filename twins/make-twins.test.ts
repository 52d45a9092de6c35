import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EPOCH_MS, ManualClock } from '../core/clock.ts';
import { seededRandom } from '../core/random.ts';
import { createScheme } from '../subjects/registry.ts';
import { createTransform } from '../transforms/create-transform.ts';
import { makeTwins } from './make-twins.ts';
import { isTwinSet, type TwinSet } from './twin-set.ts';
import { verifyTwins } from './verify-twins.ts';

/** Pairs that collide, each found quickly enough to run under fast-check. */
const COLLIDING: ReadonlyArray<readonly [string, string]> = [
  ['uuid-v1', 'slice:9:36'],
  ['uuid-v1', 'suffix:12+drop-issuer'],
  ['uuid-v6', 'prefix:8'],
  ['uuid-v7', 'prefix:8'],
  ['ulid', 'prefix:10'],
  ['ksuid', 'lower'],
  ['mongo-object-id', 'strip-provider-prefix'],
  ['okta', 'mariadb-ci'],
  ['google', 'number'],
  ['snowflake', 'number'],
  ['sequential', 'drop-issuer'],
  ['salesforce-15', 'lower'],
  ['salesforce-18', 'prefix:15+upper'],
  ['pairwise', 'email'],
  ['uuid-v4', 'sha256-bits:10'],
];

function twinsOf(scheme: string, transform: string, k = 2, seed = 1): TwinSet {
  const result = makeTwins({ scheme, transform, k, seed });
  if (!isTwinSet(result)) throw new Error(`expected twins, got: ${result.impossible}`);
  return result;
}

describe('makeTwins', () => {
  it.each(COLLIDING)(
    'makes %s twins that are distinct, valid, and share a key under %s',
    (schemeName, spec) => {
      const scheme = createScheme(schemeName, {
        clock: new ManualClock(DEFAULT_EPOCH_MS),
        random: seededRandom(1),
      });
      const correct = createTransform('iss-sub');
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 2 ** 31 - 1 }),
          fc.integer({ min: 2, max: 4 }),
          (seed, k) => {
            const twins = twinsOf(schemeName, spec, k, seed);
            const correctKeys = twins.members.map((m) => correct.key(m.iss, m.sub, m.claims));

            expect(twins.members).toHaveLength(k);
            expect(verifyTwins(twins)).toEqual([]);
            expect(twins.ids.every((sub) => scheme.validate(sub))).toBe(true);
            expect(new Set(correctKeys).size).toBe(k);
          },
        ),
        { seed: 20260105, numRuns: 5 },
      );
    },
  );

  it('issues uuid-v1 twins under slice:9:36 within one time_low window, not edited strings', () => {
    const twins = twinsOf('uuid-v1', 'slice:9:36', 3);

    expect(twins.method).toBe('issued');
    expect(twins.ids).toEqual([
      'ea526800-ea14-11f0-8444-5bffcd32199a',
      'eaeafe80-ea14-11f0-8444-5bffcd32199a',
      'eb839500-ea14-11f0-8444-5bffcd32199a',
    ]);
    expect(twins.members.map((m) => m.createdAtMs - DEFAULT_EPOCH_MS)).toEqual([0, 1_000, 2_000]);
    expect(twins.key).toBe('https://idp.twinsub.test ea14-11f0-8444-5bffcd32199a');
  });

  it('issues snowflake twins under number from one millisecond', () => {
    const twins = twinsOf('snowflake', 'number', 2);

    expect(twins.method).toBe('issued');
    expect(twins.ids.map(BigInt).reduce((a, b) => b - a)).toBe(1n);
  });

  it('issues Salesforce 15-character twins under lower from the record counter itself', () => {
    const twins = twinsOf('salesforce-15', 'lower', 2);

    expect(twins.method).toBe('issued');
    expect(twins.ids[0]!.toLowerCase()).toBe(twins.ids[1]!.toLowerCase());
  });

  it.each([
    ['uuid-v4', 'number', 'ids always contain a non-digit, so parsing them as a number fails'],
    ['uuid-v1', 'lower', 'the format is case-insensitive and issued in one case, so lower maps'],
    ['salesforce-18', 'lower', 'the 3-character suffix encodes the case of the first 15'],
    ['sequential', 'number', 'ids stay below 2^53 in this range'],
    ['okta', 'trim', 'ids never contain whitespace'],
    ['google', 'upper', 'ids have no letters to fold'],
    ['uuid-v4', 'strip-provider-prefix', 'ids carry no provider prefix'],
    ['snowflake', 'prefix:19', 'prefix:19 keeps all 19 characters'],
    ['uuid-v7', 'iss-sub', 'the key is (iss, sub) itself'],
  ])('says %s ids cannot collide under %s, and why', (scheme, transform, reason) => {
    const result = makeTwins({ scheme, transform });

    expect(isTwinSet(result)).toBe(false);
    expect(result).toEqual({ impossible: expect.stringContaining(reason) });
  });

  it('reports a search that ran out of budget as impossible, naming the budget', () => {
    const result = makeTwins({ scheme: 'uuid-v4', transform: 'prefix:20', budget: 500 });

    expect(result).toEqual({
      impossible:
        'no 2 ids shared a key among 500 issued per clock plan (one a second, one a minute, ' +
        'in one burst within a millisecond, one a millisecond, one every 2^28 ms (3.1 days)): ' +
        'prefix:20 keeps too much of what varies',
    });
  });

  it('rejects a bad k and budget together', () => {
    expect(() =>
      makeTwins({ scheme: 'uuid-v1', transform: 'lower', k: 1, budget: 0 }),
    ).toThrowError(
      'twins.k must be an integer in 2..64 (got 1); twins.budget must be an integer >= 1 (got 0)',
    );
  });
});
