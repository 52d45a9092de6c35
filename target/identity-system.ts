import { IdentityClient } from './identity-client.ts';
import type { ResolvedTargetOptions } from './reference-target-options.ts';
import { SlsxClient } from './slsx-client.ts';

/** How the target logs a beneficiary in: one login started, then finished at the callback. */
export type IdentitySystem = Pick<IdentityClient, 'startLogin' | 'finishLogin'>;

/** An identity system the target trusts, as its sign-in page offers it. */
export interface TrustedIdentitySystem {
  issuer: string;
  name: string;
  system: IdentitySystem;
}

/**
 * A client of every identity system the target trusts, first one first, each speaking the
 * configured protocol. With `userinfo-sub-unchecked` each takes the identity from the UserInfo
 * answer without comparing its `sub` with the ID token's (or SLSx's `user_id`).
 */
export function identitySystemsFor(options: ResolvedTargetOptions): TrustedIdentitySystem[] {
  const checks = { compareUserinfoSub: options.defect !== 'userinfo-sub-unchecked' };
  return options.issuers.map(({ issuer, name, identityClient }) => ({
    issuer,
    name,
    system:
      options.identityProtocol === 'slsx'
        ? new SlsxClient(issuer, identityClient, checks)
        : new IdentityClient(issuer, identityClient, checks),
  }));
}
