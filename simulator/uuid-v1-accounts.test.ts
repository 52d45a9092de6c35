import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_EPOCH_MS, ManualClock } from '../core/clock.ts';
import { seededRandom } from '../core/random.ts';
import { startSimulator } from './start-simulator.ts';
import type { StartedSimulator } from './started-simulator.ts';

/** 100-ns ticks from the Gregorian epoch (UUID v1's) to the Unix epoch, RFC 9562 section 5.1. */
const GREGORIAN_OFFSET = 0x01b21dd213814000n;
/** `time_low` wraps every 2^32 ticks of 100 ns (about 429.5 s): one window. */
const WINDOW_TICKS = 2n ** 32n;

/** Unix ms of the first whole millisecond of the UUID v1 window that contains `ms`. */
function windowStart(ms: number): number {
  const ticks = BigInt(ms) * 10_000n + GREGORIAN_OFFSET;
  const start = (ticks / WINDOW_TICKS) * WINDOW_TICKS - GREGORIAN_OFFSET;
  return Number((start + 9_999n) / 10_000n);
}

const MINUTE = 60_000;

describe('accounts with UUID v1 subjects', () => {
  let simulator: StartedSimulator;
  let clock: ManualClock;

  beforeEach(async () => {
    // One second into a window, so that one minute later is still inside it.
    clock = new ManualClock(windowStart(DEFAULT_EPOCH_MS) + 1_000);
    simulator = await startSimulator({ clock, random: seededRandom(3), onWarning: () => {} });
  });

  afterEach(() => simulator.stop());

  const create = (username: string) =>
    simulator.createAccount({ username, password: 'pw', profile: { given_name: username } });

  it('gives two accounts made one minute apart subjects that share characters 9..36', () => {
    const first = create('first');
    clock.advance(MINUTE);
    const second = create('second');

    expect(first.sub).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(second.sub.slice(9)).toBe(first.sub.slice(9));
    expect(second.sub.slice(0, 8)).not.toBe(first.sub.slice(0, 8));
    expect(second.sub).not.toBe(first.sub);
    expect([first.scheme, second.scheme]).toEqual(['uuid-v1', 'uuid-v1']);
    expect(second.createdAt - first.createdAt).toBe(MINUTE);
  });

  it('gives two accounts made eight minutes apart subjects that differ in characters 9..36', () => {
    const first = create('first');
    clock.advance(8 * MINUTE);
    const second = create('second');

    expect(second.sub.slice(9, 13)).not.toBe(first.sub.slice(9, 13));
    // Node and clock sequence are fixed per simulator: only the time fields moved.
    expect(second.sub.slice(19)).toBe(first.sub.slice(19));
  });

  it('gives accounts made at the same simulated millisecond distinct subjects', () => {
    const subs = ['a', 'b', 'c'].map((name) => create(name).sub);

    expect(new Set(subs).size).toBe(3);
    expect(subs.map((sub) => sub.slice(9))).toEqual([
      subs[0]?.slice(9),
      subs[0]?.slice(9),
      subs[0]?.slice(9),
    ]);
  });

  it('replays the same subjects from the same seed and clock', async () => {
    const again = await startSimulator({
      clock: new ManualClock(clock.now()),
      random: seededRandom(3),
      onWarning: () => {},
    });
    try {
      const replayed = again.createAccount({ username: 'first', password: 'pw' });
      expect(replayed.sub).toBe(create('first').sub);
    } finally {
      await again.stop();
    }
  });

  it('takes another scheme or an explicit subject per account', () => {
    const random = simulator.createAccount({ username: 'v4', password: 'pw', scheme: 'uuid-v4' });
    const chosen = simulator.createAccount({ username: 'chosen', password: 'pw', sub: 'sub-001' });

    expect(random.sub).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(random.scheme).toBe('uuid-v4');
    expect(chosen).toMatchObject({ sub: 'sub-001', scheme: 'explicit' });
  });

  it('refuses a subject that does not fit the scheme it names', () => {
    expect(() =>
      simulator.createAccount({ username: 'x', password: 'pw', scheme: 'uuid-v1', sub: 'sub-001' }),
    ).toThrow("sub must be a well-formed uuid-v1 id when scheme is given (got 'sub-001')");
  });

  it('refuses a taken username or subject with a conflict', () => {
    const first = create('first');

    expect(() => create('first')).toThrow(
      expect.objectContaining({
        code: 'CONFLICT',
        message: "Failed to create account: username 'first' is already taken",
      }),
    );
    expect(() =>
      simulator.createAccount({ username: 'other', password: 'pw', sub: first.sub }),
    ).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(simulator.accounts().map((account) => account.username)).toEqual(['first']);
  });
});
