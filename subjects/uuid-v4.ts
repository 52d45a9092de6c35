import { v4 } from 'uuid';
import type { SchemeContext, Segment, SubjectScheme } from './subject-scheme.ts';
import { OptionProblems } from './option-problems.ts';
import { drawBytes } from './draw-bytes.ts';
import { isUuidOfVersion } from './is-uuid-of-version.ts';

/**
 * Random UUIDs (RFC 9562 section 5.4), as Keycloak, Cognito and Login.gov issue them: 122 random
 * bits from the seeded random, so the same seed replays the same subjects.
 */
export function uuidV4Scheme(
  context: SchemeContext,
  options: Record<string, unknown> = {},
): SubjectScheme {
  const problems = new OptionProblems('options');
  problems.rejectUnknown(options, []);
  problems.throwIfAny();

  const random = context.random.fork('uuid-v4');
  return {
    name: 'uuid-v4',
    caseSensitive: false,
    next: () => v4({ random: drawBytes(random, 16) }),
    validate: (sub) => isUuidOfVersion(sub, 4),
    anatomy: () => UUID_V4_ANATOMY.map((segment) => ({ ...segment })),
  };
}

/** RFC 9562 section 5.4: everything but the version digit and two variant bits is random. */
const UUID_V4_ANATOMY: readonly Segment[] = [
  { start: 0, end: 8, kind: 'random', label: 'random_a' },
  { start: 8, end: 9, kind: 'constant', label: 'hyphen' },
  { start: 9, end: 13, kind: 'random', label: 'random_a' },
  { start: 13, end: 14, kind: 'constant', label: 'hyphen' },
  { start: 14, end: 15, kind: 'constant', label: 'version' },
  { start: 15, end: 18, kind: 'random', label: 'random_b' },
  { start: 18, end: 19, kind: 'constant', label: 'hyphen' },
  { start: 19, end: 20, kind: 'random', label: 'variant and random_c' },
  { start: 20, end: 23, kind: 'random', label: 'random_c' },
  { start: 23, end: 24, kind: 'constant', label: 'hyphen' },
  { start: 24, end: 36, kind: 'random', label: 'random_c' },
];
