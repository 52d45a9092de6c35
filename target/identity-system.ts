import { IdentityClient } from './identity-client.ts';
import type { ResolvedTargetOptions } from './reference-target-options.ts';
import { SlsxClient } from './slsx-client.ts';

/** How the target logs a beneficiary in: one login started, then finished at the callback. */
export type IdentitySystem = Pick<IdentityClient, 'startLogin' | 'finishLogin'>;

/** The identity system's client for the protocol the target is configured to speak. */
export function identitySystemFor(options: ResolvedTargetOptions): IdentitySystem {
  if (options.identityProtocol === 'slsx') {
    return new SlsxClient(options.issuer, options.identityClient);
  }
  return new IdentityClient(options.issuer, options.identityClient);
}
