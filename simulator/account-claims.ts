import type { Account } from './account.ts';

/**
 * Claims as OpenID Connect Core 5.1 names them, plus `mbi`. Scope decides which of them a relying
 * party receives; that filter is oidc-provider's (the `claims` configuration).
 */
export const CLAIMS_BY_SCOPE: Readonly<Record<string, string[]>> = {
  openid: ['sub'],
  profile: ['name', 'given_name', 'family_name', 'birthdate'],
  email: ['email', 'email_verified'],
  mbi: ['mbi'],
};

/** Every claim the account has, unset ones left out rather than answered as null. */
export function accountClaims(account: Account): Record<string, unknown> {
  const claims: Record<string, unknown> = { sub: account.sub };
  for (const [name, value] of Object.entries(account.profile)) {
    if (value !== undefined) claims[name] = value;
  }
  return claims;
}
