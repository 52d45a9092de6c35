import { isValid, monotonicFactory } from 'ulid';
import type { SchemeContext, Segment, SubjectScheme } from './subject-scheme.ts';
import { OptionProblems } from './option-problems.ts';

/**
 * ULIDs (github.com/ulid/spec) from the `ulid` package's monotonic factory: 48-bit milliseconds
 * in 10 Crockford base32 characters, then 80 random bits in 16, incremented within a millisecond.
 */
export function ulidScheme(
  context: SchemeContext,
  options: Record<string, unknown> = {},
): SubjectScheme {
  const problems = new OptionProblems('options');
  problems.rejectUnknown(options, []);
  problems.throwIfAny();

  const random = context.random.fork('ulid');
  // The factory draws Math.floor(prng() * 32) per character; 2^30 steps keep that uniform.
  const next = monotonicFactory(() => random.int(0, 0x3fffffff) / 0x40000000);
  return {
    name: 'ulid',
    // The ULID spec: "Case insensitive"; canonical output is upper case.
    caseSensitive: false,
    next: () => next(Math.floor(context.clock.now())),
    validate: (sub) => sub.length === 26 && isValid(sub) && /^[0-7]/.test(sub),
    anatomy: () => ULID_ANATOMY.map((segment) => ({ ...segment })),
  };
}

const ULID_ANATOMY: readonly Segment[] = [
  { start: 0, end: 10, kind: 'time', label: 'timestamp' },
  { start: 10, end: 26, kind: 'random', label: 'randomness' },
];
