import { TwinsubError } from '../core/twinsub-error.ts';
import type { SchemeContext, SchemeFactory, SubjectScheme } from './subject-scheme.ts';
import { uuidV1Scheme } from './uuid-v1.ts';
import { uuidV4Scheme } from './uuid-v4.ts';

const FACTORIES: Readonly<Record<string, SchemeFactory>> = {
  'uuid-v1': uuidV1Scheme as SchemeFactory,
  'uuid-v4': uuidV4Scheme,
};

/** Every scheme name `createScheme` accepts, in the order the docs list them. */
export const SCHEME_NAMES: readonly string[] = Object.freeze(Object.keys(FACTORIES));

/**
 * A new scheme instance by name. Each instance keeps its own generator state (last timestamp,
 * counter), so two instances made from equal contexts replay the same ids.
 */
export function createScheme(
  name: string,
  context: SchemeContext,
  options: Record<string, unknown> = {},
): SubjectScheme {
  const factory = Object.hasOwn(FACTORIES, name) ? FACTORIES[name] : undefined;
  if (factory === undefined) {
    throw new TwinsubError(
      'INVALID_OPTION',
      `scheme must be one of ${SCHEME_NAMES.join(', ')} (got '${name}')`,
    );
  }
  return factory(context, options);
}
