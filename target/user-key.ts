/** The reference target's switchable mistakes. `none` is the correct behaviour. */
export const DEFECTS = ['none', 'truncate-uuid-96'] as const;

export type Defect = (typeof DEFECTS)[number];

/** Who the identity system says logged in: the only stable pair (OpenID Connect Core 1.0, 2). */
export interface FederatedIdentity {
  iss: string;
  sub: string;
}

/**
 * The local username the target files a federated identity under; two identities with the same
 * key become one local user, and so share one crosswalk and one patient's data.
 *
 * - `none`: the (`iss`, `sub`) pair, as OpenID Connect Core 1.0 section 2 requires. JSON keeps
 *   the pair unambiguous whatever characters either part holds.
 * - `truncate-uuid-96`: characters 9..36 of `sub`, exactly as Blue Button 2.0 did from January
 *   2018 to December 2019 (DOMAIN.md section 1). On a UUID v1 this drops `time_low` and the
 *   hyphen, so every id one node issues within ~429.5 s maps to the same user. Deliberately no
 *   guard: the second beneficiary of a colliding pair silently receives the first one's patient.
 */
export function userKey(defect: Defect, identity: FederatedIdentity): string {
  if (defect === 'truncate-uuid-96') return identity.sub.slice(9, 36);
  return JSON.stringify([identity.iss, identity.sub]);
}
