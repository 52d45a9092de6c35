import { describe, expect, it } from 'vitest';
import { DEFAULT_EPOCH_MS, ManualClock } from '../core/clock.ts';
import { seededRandom } from '../core/random.ts';
import { uuidV1Scheme } from './uuid-v1.ts';

/** 100-ns intervals between 1582-10-15 (the Gregorian epoch of RFC 9562) and 1970-01-01. */
const GREGORIAN_OFFSET_TICKS = 122_192_928_000_000_000n;

/** The 60-bit timestamp a v1 UUID carries, reassembled from its three time fields. */
function timestampOf(sub: string): bigint {
  const hex = sub.slice(15, 18) + sub.slice(9, 13) + sub.slice(0, 8);
  return BigInt(`0x${hex}`);
}

function setup(options = {}) {
  const clock = new ManualClock(DEFAULT_EPOCH_MS);
  const scheme = uuidV1Scheme({ clock, random: seededRandom(42) }, options);
  return { clock, scheme };
}

describe('uuid-v1 scheme', () => {
  it('encodes the clock time as 100-ns ticks since 1582 (RFC 9562 section 5.1)', () => {
    const { scheme } = setup();
    const sub = scheme.next();

    expect(sub).toBe('ea526800-ea14-11f0-8dfa-9f40bf8b86a1');
    expect(timestampOf(sub)).toBe(BigInt(DEFAULT_EPOCH_MS) * 10_000n + GREGORIAN_OFFSET_TICKS);
  });

  it('advances the 100-ns counter for ids made in the same millisecond', () => {
    const { scheme } = setup();
    const subs = [scheme.next(), scheme.next(), scheme.next()];

    expect(subs).toEqual([
      'ea526800-ea14-11f0-8dfa-9f40bf8b86a1',
      'ea526801-ea14-11f0-8dfa-9f40bf8b86a1',
      'ea526802-ea14-11f0-8dfa-9f40bf8b86a1',
    ]);
  });

  it('keeps 12,000 ids from one millisecond distinct by borrowing the next millisecond', () => {
    const { scheme } = setup();
    const subs = Array.from({ length: 12_000 }, () => scheme.next());

    expect(new Set(subs).size).toBe(12_000);
    expect(timestampOf(subs[10_000]!) - timestampOf(subs[0]!)).toBe(10_000n);
  });

  it('shares characters 9..36 across ids made within one 2^32 x 100 ns window', () => {
    const { clock, scheme } = setup();
    const first = scheme.next();
    clock.advance(30_000);
    const second = scheme.next();

    expect(second).not.toBe(first);
    expect(second.slice(9)).toBe(first.slice(9));
  });

  it('starts a new window where time_low wraps, not a fixed time after the first id', () => {
    // time_low of the epoch is 0xea526800: 0x100000000 - 0xea526800 ticks = 36,369.8176 ms remain.
    const { clock, scheme } = setup();
    const first = scheme.next();
    clock.advance(36_369);
    const lastInWindow = scheme.next();
    clock.advance(1);
    const firstInNext = scheme.next();

    expect(lastInWindow.slice(9)).toBe(first.slice(9));
    expect(firstInNext.slice(9, 13)).toBe('ea15');
    expect(firstInNext.slice(0, 8)).toBe('00000720');
  });

  it('changes time_mid once the clock passes the end of the time_low window', () => {
    const { clock, scheme } = setup();
    const first = scheme.next();
    clock.advance(429_497);
    const second = scheme.next();

    expect(second.slice(9, 13)).not.toBe(first.slice(9, 13));
    expect(timestampOf(second) - timestampOf(first)).toBe(4_294_970_000n);
  });

  it('uses a configured node id and clock sequence', () => {
    const { scheme } = setup({ node: '01:23:45:67:89:ab', clockSeq: 0x1234 });

    expect(scheme.next()).toBe('ea526800-ea14-11f0-9234-0123456789ab');
  });

  it('sets the multicast bit of a random node id (RFC 9562 section 6.10)', () => {
    const { scheme } = setup();
    const firstNodeOctet = parseInt(scheme.next().slice(24, 26), 16);

    expect(firstNodeOctet & 0x01).toBe(1);
  });

  it('changes the clock sequence when the clock is set backwards (RFC 9562 section 6.3)', () => {
    const { clock, scheme } = setup({ clockSeq: 0x3fff });
    const first = scheme.next();
    clock.set(DEFAULT_EPOCH_MS - 1);
    const second = scheme.next();
    clock.set(DEFAULT_EPOCH_MS);
    const third = scheme.next();

    expect(first.slice(19, 23)).toBe('bfff');
    expect(second.slice(19, 23)).toBe('8000');
    expect(third).toBe(first.slice(0, 19) + '8000' + first.slice(23));
  });

  it('replays the same ids from the same seed and clock', () => {
    const a = setup().scheme;
    const b = setup().scheme;

    expect([a.next(), a.next()]).toEqual([b.next(), b.next()]);
  });

  it('validates v1 UUIDs of either case and rejects other versions and shapes', () => {
    const { scheme } = setup();

    expect(scheme.validate('ea526800-ea14-11f0-8dfa-9f40bf8b86a1')).toBe(true);
    expect(scheme.validate('EA526800-EA14-11F0-8DFA-9F40BF8B86A1')).toBe(true);
    expect(scheme.validate('6028c064-ef3f-4abe-8902-989698b99f28')).toBe(false);
    expect(scheme.validate('ea526800-ea14-11f0-cdfa-9f40bf8b86a1')).toBe(false);
    expect(scheme.validate('ea526800ea1411f08dfa9f40bf8b86a1')).toBe(false);
    expect(scheme.validate('')).toBe(false);
  });

  it('describes time_low as the time characters 0..8 and the node as machine', () => {
    const { scheme } = setup();
    const anatomy = scheme.anatomy(scheme.next());

    expect(anatomy[0]).toEqual({ start: 0, end: 8, kind: 'time', label: 'time_low' });
    expect(anatomy.at(-1)).toEqual({ start: 24, end: 36, kind: 'machine', label: 'node' });
    expect(anatomy.map((segment) => segment.end - segment.start).reduce((a, b) => a + b)).toBe(36);
  });

  it('reports every bad option at once', () => {
    expect(() => setup({ node: 'xyz', clockSeq: 20_000, colour: 'red' })).toThrowError(
      "options keys must be one of node, clockSeq (got 'colour'); " +
        "options.node must be 12 hex digits (got 'xyz'); " +
        'options.clockSeq must be an integer in 0..16383 (got 20000)',
    );
  });
});
