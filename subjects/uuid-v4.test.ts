import { describe, expect, it } from 'vitest';
import { DEFAULT_EPOCH_MS, ManualClock } from '../core/clock.ts';
import { seededRandom } from '../core/random.ts';
import { uuidV4Scheme } from './uuid-v4.ts';

function setup(seed = 42) {
  return uuidV4Scheme({ clock: new ManualClock(DEFAULT_EPOCH_MS), random: seededRandom(seed) });
}

describe('uuid-v4 scheme', () => {
  it('draws ids from the seeded random, so a seed replays its subjects', () => {
    const scheme = setup();

    expect([scheme.next(), scheme.next()]).toEqual([
      '6028c064-ef3f-4abe-8902-989698b99f28',
      '1d8a7ecb-45a4-4188-a6bf-90c094c5a2b0',
    ]);
  });

  it('makes different ids from a different seed', () => {
    expect(setup(7).next()).not.toBe(setup(42).next());
  });

  it('sets the version digit and the RFC 9562 variant bits', () => {
    const scheme = setup();
    const subs = Array.from({ length: 1_000 }, () => scheme.next());

    expect(subs.every((sub) => sub[14] === '4' && '89ab'.includes(sub[19]!))).toBe(true);
    expect(subs.every((sub) => scheme.validate(sub))).toBe(true);
  });

  it('rejects v1 UUIDs and malformed strings', () => {
    const scheme = setup();

    expect(scheme.validate('ea526800-ea14-11f0-8dfa-9f40bf8b86a1')).toBe(false);
    expect(scheme.validate('c03f8996-9f08-4ea4-a6c0-a263e20c721')).toBe(false);
  });

  it('describes every character but the version, variant and hyphens as random', () => {
    const scheme = setup();
    const randomChars = scheme
      .anatomy(scheme.next())
      .filter((segment) => segment.kind === 'random')
      .reduce((sum, segment) => sum + segment.end - segment.start, 0);

    expect(randomChars).toBe(31);
  });

  it('rejects options it does not know', () => {
    expect(() =>
      uuidV4Scheme({ clock: new ManualClock(0), random: seededRandom(1) }, { node: 'x' }),
    ).toThrowError("options keys must be absent (got 'node')");
  });
});
