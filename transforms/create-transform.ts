import { TwinsubError } from '../core/twinsub-error.ts';
import { STEP_DEFINITIONS } from './steps.ts';
import type { Claims, Identity, Transform, TransformStep } from './transform.ts';

/** Every step name a transform spec may use, with its parameters (`slice:a:b`). */
export const TRANSFORM_STEP_FORMS: readonly string[] = Object.entries(STEP_DEFINITIONS).map(
  ([name, definition]) => [name, ...definition.params].join(':'),
);

/**
 * A transform from its spec: steps joined by `+`, applied left to right, each `name` or
 * `name:arg:arg` (`slice:9:36`, `prefix:20+lower`, `sha256-bits:32`, `drop-issuer`). Every problem
 * in the spec is reported at once as `INVALID_OPTION`.
 */
export function createTransform(spec: string): Transform {
  const problems: string[] = [];
  const steps: TransformStep[] = [];
  const parts = typeof spec === 'string' ? spec.split('+') : [];
  if (typeof spec !== 'string' || spec.trim() === '') {
    problems.push(`transform must be a spec such as 'slice:9:36' (got '${String(spec)}')`);
  }

  for (const part of spec === '' ? [] : parts) {
    const step = parseStep(part.trim());
    if (typeof step === 'string') problems.push(step);
    else steps.push(step);
  }
  if (problems.length > 0) throw new TwinsubError('INVALID_OPTION', problems.join('; '));

  const normalised = steps.map((step) => step.spec).join('+');
  return {
    spec: normalised,
    steps,
    key(iss: string, sub: string, claims: Claims = {}): string | null {
      let identity: Identity | null = { iss, sub, claims };
      for (const step of steps) {
        identity = step.apply(identity);
        if (identity === null) return null;
      }
      // An issuer is a URL without spaces (OpenID Connect Core section 2), so this joins
      // unambiguously; once the issuer is dropped the key is the subject alone.
      return identity.iss === '' ? identity.sub : `${identity.iss} ${identity.sub}`;
    },
  };
}

/** One step, or a message naming what is wrong with it. */
function parseStep(part: string): TransformStep | string {
  const [name = '', ...rawArgs] = part.split(':');
  const definition = Object.hasOwn(STEP_DEFINITIONS, name) ? STEP_DEFINITIONS[name] : undefined;
  if (definition === undefined) {
    return `transform steps must be one of ${TRANSFORM_STEP_FORMS.join(', ')} (got '${part}')`;
  }

  const form = [name, ...definition.params].join(':');
  if (rawArgs.length !== definition.params.length || !rawArgs.every((a) => /^\d+$/.test(a))) {
    const constraint = `written ${form} with integer parameters`;
    return `transform step '${name}' must be ${constraint} (got '${part}')`;
  }
  const args = rawArgs.map(Number);
  const problem = definition.check(args);
  if (problem !== undefined) return `transform step ${form}: ${problem} (got '${part}')`;

  return {
    name,
    args,
    spec: part,
    description: definition.describe(args),
    apply: (identity) => definition.apply(identity, args),
  };
}
