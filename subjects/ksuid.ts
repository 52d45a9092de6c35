import type { SchemeContext, Segment, SubjectScheme } from './subject-scheme.ts';
import { OptionProblems } from './option-problems.ts';
import { drawBytesInto } from './draw-bytes.ts';
import { encodeBase62 } from './base62.ts';

/** KSUID's epoch, 2014-05-13T16:53:20Z, in seconds since the Unix epoch (segmentio/ksuid). */
const KSUID_EPOCH_S = 1_400_000_000;

/** The largest KSUID, 2^160 - 1, in base62: every valid KSUID sorts at or below it. */
const MAX_KSUID = 'aWgEPTl1tmebfsQzFP4bxwgy80V';

/**
 * KSUIDs as segmentio/ksuid defines them: a 32-bit count of seconds since the KSUID epoch and 128
 * random bits, 20 bytes written as 27 base62 characters. Case-sensitive, unlike ULID.
 */
export function ksuidScheme(
  context: SchemeContext,
  options: Record<string, unknown> = {},
): SubjectScheme {
  const problems = new OptionProblems('options');
  problems.rejectUnknown(options, []);
  problems.throwIfAny();

  const random = context.random.fork('ksuid');
  return {
    name: 'ksuid',
    caseSensitive: true,
    next() {
      // Written byte by byte into one buffer: a DataView and a second buffer per id cost about
      // 40% of the rate (bench/subjects-bench.ts).
      const bytes = new Uint8Array(20);
      const seconds = (Math.floor(context.clock.now() / 1000) - KSUID_EPOCH_S) >>> 0;
      bytes[0] = seconds >>> 24;
      bytes[1] = (seconds >>> 16) & 0xff;
      bytes[2] = (seconds >>> 8) & 0xff;
      bytes[3] = seconds & 0xff;
      drawBytesInto(random, bytes, 4);
      return encodeBase62(bytes, 27);
    },
    validate: (sub) => /^[0-9A-Za-z]{27}$/.test(sub) && sub <= MAX_KSUID,
    anatomy: () => KSUID_ANATOMY.map((segment) => ({ ...segment })),
  };
}

/**
 * Base62 digits do not align with the byte fields: the 32-bit timestamp fills the first ~5.4
 * characters, so character 5 mixes the timestamp's last bits with the payload's first.
 */
const KSUID_ANATOMY: readonly Segment[] = [
  { start: 0, end: 5, kind: 'time', label: 'timestamp' },
  { start: 5, end: 6, kind: 'time', label: 'timestamp and payload' },
  { start: 6, end: 27, kind: 'random', label: 'payload' },
];
