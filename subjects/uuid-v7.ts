import { v7 } from 'uuid';
import type { SchemeContext, Segment, SubjectScheme } from './subject-scheme.ts';
import { OptionProblems } from './option-problems.ts';
import { drawBytes } from './draw-bytes.ts';
import { isUuidOfVersion } from './is-uuid-of-version.ts';

/**
 * Unix-time UUIDs (RFC 9562 section 5.7): 48-bit milliseconds first, then a 31-bit counter that
 * starts at a random value each millisecond and counts up within it (method 1 of section 6.2, as
 * the `uuid` package does), then random bits.
 */
export function uuidV7Scheme(
  context: SchemeContext,
  options: Record<string, unknown> = {},
): SubjectScheme {
  const problems = new OptionProblems('options');
  problems.rejectUnknown(options, []);
  problems.throwIfAny();

  const random = context.random.fork('uuid-v7');
  let msecs = -Infinity;
  let seq = 0;
  return {
    name: 'uuid-v7',
    caseSensitive: false,
    next() {
      const now = Math.floor(context.clock.now());
      if (now > msecs) {
        msecs = now;
        seq = random.int(0, 0x7fffffff);
      } else {
        // Section 6.2: a clock that stands still or goes back keeps the last time, counter + 1.
        seq = (seq + 1) | 0;
        if (seq === 0) msecs += 1;
      }
      return v7({ msecs, seq, random: drawBytes(random, 16) });
    },
    validate: (sub) => isUuidOfVersion(sub, 7),
    anatomy: () => UUID_V7_ANATOMY.map((segment) => ({ ...segment })),
  };
}

/** RFC 9562 section 5.7 over the string form; the counter fills rand_a and the top of rand_b. */
const UUID_V7_ANATOMY: readonly Segment[] = [
  { start: 0, end: 8, kind: 'time', label: 'unix_ts_ms' },
  { start: 8, end: 9, kind: 'constant', label: 'hyphen' },
  { start: 9, end: 13, kind: 'time', label: 'unix_ts_ms' },
  { start: 13, end: 14, kind: 'constant', label: 'hyphen' },
  { start: 14, end: 15, kind: 'constant', label: 'version' },
  { start: 15, end: 18, kind: 'counter', label: 'rand_a (counter)' },
  { start: 18, end: 19, kind: 'constant', label: 'hyphen' },
  { start: 19, end: 23, kind: 'counter', label: 'variant and rand_b (counter)' },
  { start: 23, end: 24, kind: 'constant', label: 'hyphen' },
  { start: 24, end: 26, kind: 'counter', label: 'rand_b (counter)' },
  { start: 26, end: 36, kind: 'random', label: 'rand_b' },
];
