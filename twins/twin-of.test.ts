import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EPOCH_MS, ManualClock } from '../core/clock.ts';
import { seededRandom } from '../core/random.ts';
import { createScheme } from '../subjects/registry.ts';
import { makeTwinOf } from './twin-of.ts';
import { isTwinSet, type TwinSet } from './twin-set.ts';
import { verifyTwins } from './verify-twins.ts';

function twinOf(options: Parameters<typeof makeTwinOf>[0]): TwinSet {
  const result = makeTwinOf(options);
  if (!isTwinSet(result)) throw new Error(`expected twins, got: ${result.impossible}`);
  return result;
}

describe('makeTwinOf', () => {
  it('issues a uuid-v1 twin from the same node later in the same time_low window', () => {
    // The existing account: node 0123456789ab, clock sequence 0x1234, made at the epoch.
    const sub = 'ea526800-ea14-11f0-9234-0123456789ab';
    const twins = twinOf({ scheme: 'uuid-v1', transform: 'slice:9:36', sub, k: 3 });

    expect(twins.method).toBe('issued');
    expect(twins.ids).toEqual([
      sub,
      'eaeafe80-ea14-11f0-9234-0123456789ab',
      'eb839500-ea14-11f0-9234-0123456789ab',
    ]);
    expect(verifyTwins(twins)).toEqual([]);
  });

  it('finds a twin of any uuid-v1 account under slice:9:36, issued with the clock moved', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 10 ** 9 }), (seed, offsetMs) => {
        const clock = new ManualClock(DEFAULT_EPOCH_MS + offsetMs);
        const scheme = createScheme('uuid-v1', { clock, random: seededRandom(seed) });
        const sub = scheme.next();
        const twins = twinOf({ scheme: 'uuid-v1', transform: 'slice:9:36', sub });

        expect(twins.ids[0]).toBe(sub);
        expect(twins.method).toBe('issued');
        expect(scheme.validate(twins.ids[1]!)).toBe(true);
        expect(verifyTwins(twins)).toEqual([]);
      }),
      { seed: 20260105, numRuns: 50 },
    );
  });

  it('gives a new account the existing email address under the email transform', () => {
    const twins = twinOf({
      scheme: 'uuid-v4',
      transform: 'email',
      sub: '9b4139c5-e601-447e-90ee-b230338a68be',
      claims: { email: 'a@example.test' },
    });

    expect(twins.key).toBe('a@example.test');
    expect(twins.members[1]!.claims.email).toBe('a@example.test');
    expect(twins.ids[1]).not.toBe(twins.ids[0]);
  });

  it('builds a case variant of an Okta id under lower', () => {
    const twins = twinOf({ scheme: 'okta', transform: 'lower', sub: '00uHIVi3c8HVftARyuau' });

    expect(twins).toMatchObject({
      method: 'constructed',
      ids: ['00uHIVi3c8HVftARyuau', '00uHIVi3c8HVftARyuaU'],
    });
  });

  it('says why a subject has no twin', () => {
    const v4 = '9b4139c5-e601-447e-90ee-b230338a68be';

    expect(makeTwinOf({ scheme: 'uuid-v4', transform: 'number', sub: v4 })).toEqual({
      impossible: `number makes no key from ${v4}: the login fails instead`,
    });
    expect(makeTwinOf({ scheme: 'uuid-v1', transform: 'slice:9:36', sub: v4 })).toEqual({
      impossible: `${v4} is not a valid uuid-v1 id, so it has no twins there`,
    });
    expect(makeTwinOf({ scheme: 'uuid-v4', transform: 'lower', sub: v4 })).toEqual({
      impossible:
        'the format is case-insensitive and issued in one case, so lower maps ids one to one',
    });
  });
});
