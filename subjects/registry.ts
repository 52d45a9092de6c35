import { TwinsubError } from '../core/twinsub-error.ts';
import type { SchemeContext, SchemeFactory, SubjectScheme } from './subject-scheme.ts';
import { uuidV1Scheme } from './uuid-v1.ts';
import { uuidV4Scheme } from './uuid-v4.ts';
import { uuidV6Scheme } from './uuid-v6.ts';
import { uuidV7Scheme } from './uuid-v7.ts';
import { ulidScheme } from './ulid.ts';
import { ksuidScheme } from './ksuid.ts';
import { mongoObjectIdScheme } from './mongo-object-id.ts';
import { oktaScheme } from './okta.ts';
import { googleScheme } from './google.ts';
import { snowflakeScheme } from './snowflake.ts';
import { sequentialScheme } from './sequential.ts';
import { salesforceScheme } from './salesforce.ts';
import { pairwiseScheme } from './pairwise.ts';

const FACTORIES: Readonly<Record<string, SchemeFactory>> = {
  'uuid-v1': uuidV1Scheme as SchemeFactory,
  'uuid-v4': uuidV4Scheme,
  'uuid-v6': uuidV6Scheme as SchemeFactory,
  'uuid-v7': uuidV7Scheme,
  ulid: ulidScheme,
  ksuid: ksuidScheme,
  'mongo-object-id': mongoObjectIdScheme as SchemeFactory,
  okta: oktaScheme,
  google: googleScheme,
  snowflake: snowflakeScheme as SchemeFactory,
  sequential: sequentialScheme as SchemeFactory,
  'salesforce-15': salesforceScheme(15) as SchemeFactory,
  'salesforce-18': salesforceScheme(18) as SchemeFactory,
  pairwise: pairwiseScheme as SchemeFactory,
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
