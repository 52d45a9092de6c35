import type { SubjectScheme } from '../subjects/subject-scheme.ts';
import type { TransformStep } from '../transforms/transform.ts';

const CASE_STEPS = new Set(['lower', 'upper', 'mariadb-ci', 'nfkc-casefold']);

/**
 * Why no two distinct ids of `scheme` from one issuer can share a key under `steps`, or
 * `undefined` when some step may merge them. Every step must be shown injective on the strings
 * it receives; `samples` are ids the scheme issued, checked for the format facts each rule uses.
 */
export function whyNoTwins(
  scheme: SubjectScheme,
  steps: readonly TransformStep[],
  samples: readonly string[],
): string | undefined {
  const reasons: string[] = [];
  const maxLength = Math.max(...samples.map((sub) => sub.length));

  for (const step of steps) {
    const reason = whyInjective(scheme, step, samples, maxLength);
    if (reason === undefined) return undefined;
    if (reason !== '') reasons.push(reason);
  }
  if (reasons.length === 0) return 'the key is (iss, sub) itself: distinct subjects keep apart';
  return reasons.join('; ');
}

/** A reason the step keeps this scheme's ids apart, `''` for no-ops, `undefined` if it may not. */
function whyInjective(
  scheme: SubjectScheme,
  step: TransformStep,
  samples: readonly string[],
  maxLength: number,
): string | undefined {
  const { name, args } = step;
  if (name === 'iss-sub') return '';
  if (name.startsWith('prefix') || name.startsWith('suffix')) {
    return (args[0] ?? 0) >= maxLength
      ? `${step.spec} keeps all ${maxLength} characters`
      : undefined;
  }
  if (name === 'slice' || name === 'slice-bytes') {
    const [a = 0, b = 0] = args;
    return a === 0 && b >= maxLength ? `${step.spec} keeps all ${maxLength} characters` : undefined;
  }
  if (CASE_STEPS.has(name)) return whyCaseKeepsApart(scheme, step, samples);
  if (name === 'trim') {
    return samples.some((sub) => /\s/.test(sub)) ? undefined : 'ids never contain whitespace';
  }
  if (name === 'strip-provider-prefix') {
    return samples.some((sub) => sub.includes('|')) ? undefined : 'ids carry no provider prefix';
  }
  if (name === 'number') return whyNumberKeepsApart(scheme, samples);
  return undefined;
}

function whyCaseKeepsApart(
  scheme: SubjectScheme,
  step: TransformStep,
  samples: readonly string[],
): string | undefined {
  if (samples.every((sub) => !/[A-Za-z]/.test(sub))) return 'ids have no letters to fold';
  if (scheme.name === 'salesforce-18') {
    return (
      'the 3-character suffix encodes the case of the first 15, ' +
      'so ids that differ only in case differ in the suffix'
    );
  }
  const lower = samples.some((sub) => /[a-z]/.test(sub));
  const upper = samples.some((sub) => /[A-Z]/.test(sub));
  if (lower && upper) return undefined;
  if (scheme.caseSensitive) return undefined;
  const fact = 'the format is case-insensitive and issued in one case';
  return `${fact}, so ${step.spec} maps ids one to one`;
}

function whyNumberKeepsApart(
  scheme: SubjectScheme,
  samples: readonly string[],
): string | undefined {
  const constantNonDigit = scheme
    .anatomy(samples[0] ?? '')
    .filter((segment) => segment.kind === 'constant')
    .some((segment) => /\D/.test((samples[0] ?? '').slice(segment.start, segment.end)));
  if (constantNonDigit) {
    return (
      'ids always contain a non-digit, ' +
      'so parsing them as a number fails the login instead of merging it'
    );
  }
  if (samples.every((sub) => /^\d+$/.test(sub) && BigInt(sub) <= BigInt(Number.MAX_SAFE_INTEGER))) {
    return `ids stay below 2^53 in this range, where every integer is an exact float64`;
  }
  return undefined;
}
