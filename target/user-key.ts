import { createHash } from 'node:crypto';

/**
 * The reference target's switchable mistakes (DOMAIN.md section 4), each changing only the part a
 * real team got wrong. `none` is the correct behaviour. `userKey` holds the ones that change how
 * an identity becomes a local username (`issuer-ignored` among them); the others act in
 * `user-store.ts` (the case-insensitive column), `beneficiary-login.ts` (the guard, and the
 * first-login race), `fhir-routes.ts` (the response cache), `oauth-model.ts` (one token shared
 * across apps) and `identity-client.ts` / `slsx-client.ts` (the UserInfo `sub` never compared).
 *
 * - `userinfo-sub-unchecked`: the target takes who logged in from the UserInfo answer, `sub`
 *   included, and never checks that its `sub` is the ID token's (OpenID Connect Core 1.0, 5.3.2;
 *   with SLSx, that the user answer's `id` is the session's `user_id`). An identity provider that
 *   answers UserInfo about another account (a stale cache, a mixed-up session, a substituted
 *   token) then logs the person in as that other account.
 * - `first-login-race`: a new user's id is allocated as one more than the largest id when the
 *   new-user path starts, and written once the patient lookup has answered, with the insert
 *   tolerating a clash (`on conflict do nothing`) and the user then loaded by the id it
 *   allocated. One login at a time it is correct; two first logins in flight together allocate
 *   the same id, and the second person is filed under the first one's user and crosswalk.
 */
export const DEFECTS = [
  'none',
  'truncate-uuid-96',
  'truncate-prefix-20',
  'truncate-suffix-12',
  'case-insensitive-column',
  'nfkc-fold',
  'trim-whitespace',
  'numeric-sub',
  'short-hash-16',
  'email-key',
  'guarded-truncate-uuid-96',
  'response-cache-prefix-8',
  'shared-token-across-apps',
  'issuer-ignored',
  'userinfo-sub-unchecked',
  'first-login-race',
] as const;

export type Defect = (typeof DEFECTS)[number];

export function isDefect(name: unknown): name is Defect {
  return (DEFECTS as readonly unknown[]).includes(name);
}

/** Who the identity system says logged in: the only stable pair (OpenID Connect Core 1.0, 2). */
export interface FederatedIdentity {
  iss: string;
  sub: string;
  email?: string | undefined;
}

/** Bits of SHA-256 the `short-hash-16` defect keeps: 4 hex digits, 65,536 users at most. */
const SHORT_HASH_HEX = 4;

/**
 * The local username the target files a federated identity under; two identities with the same
 * key become one local user, and so share one crosswalk and one patient's data.
 *
 * - `none`: the (`iss`, `sub`) pair, as OpenID Connect Core 1.0 section 2 requires. JSON keeps
 *   the pair unambiguous whatever characters either part holds.
 * - `truncate-uuid-96` and `guarded-truncate-uuid-96`: characters 9..36 of `sub`, exactly as Blue
 *   Button 2.0 did from January 2018 to December 2019 (DOMAIN.md section 1). On a UUID v1 this
 *   drops `time_low` and the hyphen, so every id one node issues within ~429.5 s maps to the same
 *   user.
 * - `truncate-prefix-20`, `truncate-suffix-12`: a 20-character username column; a "short id" made
 *   of the last 12 characters (a UUID's node field).
 * - `nfkc-fold`: Unicode NFKC, as a username normaliser applies it (fullwidth and superscript
 *   letters become ASCII).
 * - `trim-whitespace`: a form or ORM layer that trims strings.
 * - `numeric-sub`: a numeric `sub` parsed as a JavaScript number (float64) and printed back; above
 *   2^53 neighbouring ids become one number.
 * - `short-hash-16`: the first 16 bits of SHA-256(`sub`) as the key.
 * - `email-key`: the `email` claim as the key (the 2023 "nOAuth" class; OpenID Connect Core 5.7
 *   says not to).
 * - `issuer-ignored`: `sub` alone, in a target that trusts two identity systems: the same `sub`
 *   from both (each unique only within its own issuer) is one user.
 *
 * `case-insensitive-column` keeps the correct key: its mistake is in the database (`user-store.ts`).
 */
export function userKey(defect: Defect, identity: FederatedIdentity): string {
  const { iss, sub } = identity;
  switch (defect) {
    case 'truncate-uuid-96':
    case 'guarded-truncate-uuid-96':
      return sub.slice(9, 36);
    case 'truncate-prefix-20':
      return sub.slice(0, 20);
    case 'truncate-suffix-12':
      return sub.slice(-12);
    case 'nfkc-fold':
      return JSON.stringify([iss, sub.normalize('NFKC')]);
    case 'trim-whitespace':
      return JSON.stringify([iss, sub.trim()]);
    case 'numeric-sub':
      return JSON.stringify([iss, /^\d+$/.test(sub) ? String(Number(sub)) : sub]);
    case 'short-hash-16':
      return createHash('sha256').update(sub).digest('hex').slice(0, SHORT_HASH_HEX);
    case 'email-key':
      return identity.email ?? JSON.stringify([iss, sub]);
    case 'issuer-ignored':
      return sub;
    default:
      return JSON.stringify([iss, sub]);
  }
}
