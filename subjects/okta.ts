import type { SchemeContext, Segment, SubjectScheme } from './subject-scheme.ts';
import { OptionProblems } from './option-problems.ts';
import { BASE62_ALPHABET } from './base62.ts';

/**
 * Okta-like user ids: 20 characters, the `00u` type prefix, mixed-case base62. Okta documents only
 * the shape; published examples from one org share their last characters, modelled here as a
 * 3-character org tail drawn once per scheme instance.
 */
export function oktaScheme(
  context: SchemeContext,
  options: Record<string, unknown> = {},
): SubjectScheme {
  const problems = new OptionProblems('options');
  problems.rejectUnknown(options, []);
  problems.throwIfAny();

  const random = context.random.fork('okta');
  const tail = randomBase62(random.int.bind(random), 3);
  const draw = random.int.bind(random);
  return {
    name: 'okta',
    caseSensitive: true,
    next: () => `00u${randomBase62(draw, 14)}${tail}`,
    validate: (sub) => /^00u[0-9A-Za-z]{17}$/.test(sub),
    anatomy: () => OKTA_ANATOMY.map((segment) => ({ ...segment })),
  };
}

function randomBase62(int: (min: number, max: number) => number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += BASE62_ALPHABET[int(0, 61)];
  return out;
}

const OKTA_ANATOMY: readonly Segment[] = [
  { start: 0, end: 3, kind: 'constant', label: 'type prefix (00u: user)' },
  { start: 3, end: 17, kind: 'random', label: 'id' },
  { start: 17, end: 20, kind: 'machine', label: 'org tail' },
];
