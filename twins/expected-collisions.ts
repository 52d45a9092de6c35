import { DEFAULT_EPOCH_MS, ManualClock } from '../core/clock.ts';
import { seededRandom } from '../core/random.ts';
import { createScheme } from '../subjects/registry.ts';
import type { SubjectScheme } from '../subjects/subject-scheme.ts';
import { createTransform } from '../transforms/create-transform.ts';
import type { Transform } from '../transforms/transform.ts';
import { countPairs, creationTimes, type CollisionQuestion } from './collision-question.ts';
import { gregorianTimestamps, uuidFromTimestamp } from './gregorian-timestamps.ts';

export type CollisionExpectation =
  | { expectedPairs: number; method: 'exact' | 'birthday'; explanation: string }
  | { unsupported: string };

/** Steps that act on the characters of `sub` alone, so that kept positions can be traced. */
const CHARACTER_STEPS = new Set([
  'iss-sub',
  'drop-issuer',
  'prefix',
  'suffix',
  'slice',
  'lower',
  'upper',
  'mariadb-ci',
  'nfkc-casefold',
  'trim',
]);
const UPPER_STEPS = new Set(['upper', 'mariadb-ci']);
const LOWER_STEPS = new Set(['lower', 'nfkc-casefold']);

/** The alphabet each position of a random segment draws from, uniformly, per scheme. */
const RANDOM_ALPHABETS: Readonly<Record<string, (position: number) => string>> = {
  'uuid-v4': (i) => (i === 19 ? '89ab' : '0123456789abcdef'),
  okta: () => '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  google: () => '0123456789',
  // 32 bytes in base64url: the 43rd character carries 2 bits.
  pairwise: (i) =>
    i === 42
      ? 'AEIMQUYcgkosw048'
      : 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
};

/**
 * The expected number of colliding pairs among `population` accounts one issuer creates at
 * `ratePerSecond`: exact counting for Gregorian-time UUIDs (v1, v6: every field but time is fixed
 * per node, so keys follow from creation times), the birthday bound over what the transform
 * keeps for random formats and short SHA-256 prefixes; `unsupported` where neither applies.
 */
export function expectedCollisions(question: CollisionQuestion): CollisionExpectation {
  const transform = createTransform(question.transform);
  const names = transform.steps.map((step) => step.name);
  const lossy = names.filter((name) => name !== 'iss-sub' && name !== 'drop-issuer');
  const n = question.population;
  const pairs = (n * (n - 1)) / 2;

  if (lossy.length === 1 && lossy[0] === 'sha256-bits') {
    const bits = transform.steps.find((step) => step.name === 'sha256-bits')!.args[0] ?? 0;
    return {
      expectedPairs: pairs / 2 ** bits,
      method: 'birthday',
      explanation:
        `C(${n}, 2) pairs of distinct ids, ` +
        `each equal in ${bits} hash bits with p = 2^-${bits}`,
    };
  }
  if (!names.every((name) => CHARACTER_STEPS.has(name))) {
    return { unsupported: `${transform.spec} is not a character transform; use simulation` };
  }
  if (question.scheme === 'uuid-v1' || question.scheme === 'uuid-v6') {
    return exactGregorian(question, transform);
  }
  return birthdayOverKeptCharacters(question, transform, pairs);
}

function exactGregorian(question: CollisionQuestion, transform: Transform): CollisionExpectation {
  const startMs = question.startMs ?? DEFAULT_EPOCH_MS;
  const version = question.scheme === 'uuid-v1' ? 1 : 6;
  const timestamps = gregorianTimestamps(creationTimes(question, startMs));
  // Node and clock sequence are the same for every id of one generator; any fixed value will do.
  const keys = timestamps.map((t) => transform.key('', uuidFromTimestamp(t, version)));
  return {
    expectedPairs: countPairs(keys),
    method: 'exact',
    explanation:
      'each id follows from its 60-bit timestamp (node and clock sequence fixed); ' +
      'pairs counted over the characters the transform keeps',
  };
}

function birthdayOverKeptCharacters(
  question: CollisionQuestion,
  transform: Transform,
  pairs: number,
): CollisionExpectation {
  const alphabetAt = RANDOM_ALPHABETS[question.scheme];
  if (alphabetAt === undefined) {
    return { unsupported: `${question.scheme} has time or counter characters; use simulation` };
  }
  const scheme = sampleScheme(question);
  const sub = scheme.next();
  const kept = keptPositions(transform, sub.length);
  const segments = scheme.anatomy(sub);
  const fold = foldOf(transform);

  let probability = 1;
  for (const position of kept) {
    const segment = segments.find((s) => s.start <= position && position < s.end);
    if (segment === undefined || segment.kind === 'constant' || segment.kind === 'machine')
      continue;
    if (segment.kind !== 'random') {
      return { unsupported: `${transform.spec} keeps ${segment.kind} characters; use simulation` };
    }
    probability *= sameClassProbability(alphabetAt(position), fold);
  }
  return {
    expectedPairs: pairs * probability,
    method: 'birthday',
    explanation:
      `C(${question.population}, 2) pairs, each equal with p = ${probability.toPrecision(4)} ` +
      `over the ${kept.length} kept characters`,
  };
}

/** Positions of `sub` that survive the transform, traced with one marker character each. */
function keptPositions(transform: Transform, length: number): number[] {
  const markers = Array.from({ length }, (_, i) => String.fromCodePoint(0x4e00 + i)).join('');
  const key = createTransform(`${transform.spec}+drop-issuer`).key('', markers) ?? '';
  return [...key].map((char) => char.codePointAt(0)! - 0x4e00);
}

function foldOf(transform: Transform): (char: string) => string {
  const names = transform.steps.map((step) => step.name);
  if (names.some((name) => UPPER_STEPS.has(name))) return (char) => char.toUpperCase();
  if (names.some((name) => LOWER_STEPS.has(name))) return (char) => char.toLowerCase();
  return (char) => char;
}

/** The chance that two uniform draws from `alphabet` fall in one class after folding. */
function sameClassProbability(alphabet: string, fold: (char: string) => string): number {
  const classes = new Map<string, number>();
  for (const char of alphabet) classes.set(fold(char), (classes.get(fold(char)) ?? 0) + 1);
  let sum = 0;
  for (const size of classes.values()) sum += (size / alphabet.length) ** 2;
  return sum;
}

function sampleScheme(question: CollisionQuestion): SubjectScheme {
  return createScheme(
    question.scheme,
    { clock: new ManualClock(DEFAULT_EPOCH_MS), random: seededRandom(question.seed ?? 1) },
    question.schemeOptions ?? {},
  );
}
