import { createRequire } from 'node:module';
import fc from 'fast-check';
import { decodeTime } from 'ulid';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EPOCH_MS, ManualClock } from '../core/clock.ts';
import { seededRandom } from '../core/random.ts';
import { createScheme, SCHEME_NAMES } from './registry.ts';
import { salesforceChecksum } from './salesforce-checksum.ts';
import { encodeBase62 } from './base62.ts';

/** segmentio's format as the `ksuid` package encodes it: the reference for our base62 writer. */
const KSUID = createRequire(import.meta.url)('ksuid') as {
  fromParts(timeInMs: number, payload: Buffer): { string: string };
  parse(text: string): { timestamp: number; payload: Buffer };
};

function make(name: string, seed = 42, startMs = DEFAULT_EPOCH_MS) {
  const clock = new ManualClock(startMs);
  return { clock, scheme: createScheme(name, { clock, random: seededRandom(seed) }) };
}

/** Ids made at the given clock steps (milliseconds between consecutive ids). */
function issue(name: string, seed: number, steps: number[]) {
  const { clock, scheme } = make(name, seed);
  return steps.map((step) => {
    clock.advance(step);
    return scheme.next();
  });
}

const steps = fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 600_000 })), {
  minLength: 1,
  maxLength: 40,
});

describe.each(SCHEME_NAMES)('%s scheme', (name) => {
  it('issues distinct ids that its validator accepts, at any clock steps', () => {
    fc.assert(
      fc.property(fc.integer(), steps, (seed, gaps) => {
        const { scheme } = make(name, seed);
        const subs = issue(name, seed, gaps);
        expect(new Set(subs).size).toBe(subs.length);
        for (const sub of subs) expect(scheme.validate(sub)).toBe(true);
      }),
      { seed: 20260105, numRuns: 60 },
    );
  });

  it('replays the same ids from the same seed and clock', () => {
    expect(issue(name, 7, [0, 0, 5, 1000])).toEqual(issue(name, 7, [0, 0, 5, 1000]));
  });

  it('describes each id with in-range, ordered segments that cover it', () => {
    const { scheme } = make(name);
    const sub = scheme.next();
    const segments = scheme.anatomy(sub);

    expect(segments[0]!.start).toBe(0);
    expect(segments.at(-1)!.end).toBe(sub.length);
    for (let i = 1; i < segments.length; i += 1)
      expect(segments[i]!.start).toBe(segments[i - 1]!.end);
  });

  it('rejects an empty string and ids with a space', () => {
    const { scheme } = make(name);

    expect(scheme.validate('')).toBe(false);
    expect(scheme.validate(` ${scheme.next()}`)).toBe(false);
  });
});

describe('formats checked against their reference implementations', () => {
  it('writes KSUIDs exactly as the ksuid package does', () => {
    const { scheme } = make('ksuid');
    const sub = scheme.next();
    const parsed = KSUID.parse(sub);

    expect(KSUID.fromParts(DEFAULT_EPOCH_MS, parsed.payload).string).toBe(sub);
    expect(parsed.timestamp).toBe(DEFAULT_EPOCH_MS / 1000 - 1_400_000_000);
  });

  it('encodes any KSUID payload in base62 exactly as the ksuid package does', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 0xffffffff }),
        fc.uint8Array({ minLength: 16, maxLength: 16 }),
        (seconds, payload) => {
          const bytes = new Uint8Array(20);
          new DataView(bytes.buffer).setUint32(0, seconds);
          bytes.set(payload, 4);
          const ms = (seconds + 1_400_000_000) * 1000;

          expect(encodeBase62(bytes, 27)).toBe(KSUID.fromParts(ms, Buffer.from(payload)).string);
        },
      ),
      { seed: 20260105, numRuns: 500 },
    );
  });

  it('puts the clock time in the ULID timestamp', () => {
    expect(decodeTime(make('ulid').scheme.next())).toBe(DEFAULT_EPOCH_MS);
  });

  it('puts the clock time in the first 48 bits of a v7 UUID', () => {
    const sub = make('uuid-v7').scheme.next();

    expect(parseInt(sub.slice(0, 8) + sub.slice(9, 13), 16)).toBe(DEFAULT_EPOCH_MS);
  });

  it('puts the clock seconds first in the ObjectId after the auth0 prefix', () => {
    const sub = make('mongo-object-id').scheme.next();

    expect(sub.startsWith('auth0|')).toBe(true);
    expect(parseInt(sub.slice(6, 14), 16)).toBe(DEFAULT_EPOCH_MS / 1000);
  });

  it('counts snowflake sequences within a millisecond and puts time in the top bits', () => {
    const [a, b] = issue('snowflake', 1, [0, 0]).map(BigInt);

    expect(b! - a!).toBe(1n);
    expect(Number(a! >> 22n)).toBe(DEFAULT_EPOCH_MS - 1_288_834_974_657);
  });

  it('computes the Salesforce checksum of the documented example 001A0000006Vm9r', () => {
    expect(salesforceChecksum('001A0000006Vm9r')).toBe('IAC');
  });

  it('rejects an 18-character Salesforce id whose checksum does not match its case', () => {
    const { scheme } = make('salesforce-18');
    const sub = scheme.next();
    const flipped = sub.slice(0, 14) + swapCase(sub[14]!) + sub.slice(15);

    expect(scheme.validate(flipped)).toBe(/[0-9]/.test(sub[14]!));
  });

  it('makes pairwise subjects that differ per sector for the same local account', () => {
    const context = { clock: new ManualClock(0), random: seededRandom(1) };
    const a = createScheme('pairwise', context, { sector: 'a.example', salt: 's' }).next();
    const b = createScheme('pairwise', context, { sector: 'b.example', salt: 's' }).next();

    expect(a).not.toBe(b);
    expect(a).toHaveLength(43);
  });
});

function swapCase(char: string): string {
  return char === char.toUpperCase() ? char.toLowerCase() : char.toUpperCase();
}
