import type { SchemeContext, Segment, SubjectScheme } from './subject-scheme.ts';
import { OptionProblems } from './option-problems.ts';

export interface SequentialOptions {
  /** The first id. Default 1, as GitHub user ids began. */
  start?: number;
}

/** Sequential integer ids in decimal, as GitHub issues user ids. */
export function sequentialScheme(
  _context: SchemeContext,
  options: SequentialOptions = {},
): SubjectScheme {
  const problems = new OptionProblems('options');
  problems.rejectUnknown(options as Record<string, unknown>, ['start']);
  const { start = 1 } = options;
  problems.require(Number.isSafeInteger(start) && start >= 1, 'start', 'an integer >= 1', start);
  problems.throwIfAny();

  let next = BigInt(start);
  return {
    name: 'sequential',
    caseSensitive: true,
    next() {
      const sub = next.toString();
      next += 1n;
      return sub;
    },
    validate: (sub) => /^[1-9]\d*$/.test(sub),
    anatomy: (sub) =>
      [{ start: 0, end: sub.length, kind: 'counter', label: 'sequence' }] satisfies Segment[],
  };
}
