import type { SchemeContext, Segment, SubjectScheme } from './subject-scheme.ts';
import { OptionProblems } from './option-problems.ts';

/**
 * Google-like subjects: 21 decimal digits starting with 1 (as observed; Google documents `sub` only
 * as a unique string of up to 255 ASCII characters). Around 1.1e20 adjacent values are 16,384
 * apart from the next JavaScript number, so parsing them as `Number` merges neighbours.
 */
export function googleScheme(
  context: SchemeContext,
  options: Record<string, unknown> = {},
): SubjectScheme {
  const problems = new OptionProblems('options');
  problems.rejectUnknown(options, []);
  problems.throwIfAny();

  const random = context.random.fork('google');
  return {
    name: 'google',
    caseSensitive: true,
    next() {
      const high = random.int(0, 9_999_999_999).toString().padStart(10, '0');
      const low = random.int(0, 9_999_999_999).toString().padStart(10, '0');
      return `1${high}${low}`;
    },
    validate: (sub) => /^1\d{20}$/.test(sub),
    anatomy: () => GOOGLE_ANATOMY.map((segment) => ({ ...segment })),
  };
}

const GOOGLE_ANATOMY: readonly Segment[] = [
  { start: 0, end: 1, kind: 'constant', label: 'leading 1' },
  { start: 1, end: 21, kind: 'random', label: 'digits' },
];
