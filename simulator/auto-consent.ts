import type { Grant, KoaContextWithOIDC } from 'oidc-provider';

/**
 * `loadExistingGrant` for oidc-provider: every client of the simulator is a first-party relying
 * party registered by the harness, so consent is given here, at the identity system, for every
 * OpenID scope the request asks for. The consent that matters (the beneficiary's, for an app) is
 * the target's to ask. Growing an existing grant keeps a second login with more scopes from
 * stopping at a consent prompt nobody would answer.
 */
export async function autoConsent(ctx: KoaContextWithOIDC): Promise<Grant | undefined> {
  const { client, session, provider, result } = ctx.oidc;
  if (client === undefined || session?.accountId === undefined) return undefined;

  const grantId = result?.consent?.grantId ?? session.grantIdFor(client.clientId);
  const found = grantId === undefined ? undefined : await provider.Grant.find(grantId);
  // A grant is one account's consent for one client; never let another account inherit it.
  const existing = found?.accountId === session.accountId ? found : undefined;
  const grant =
    existing ?? new provider.Grant({ accountId: session.accountId, clientId: client.clientId });

  grant.addOIDCScope(ctx.oidc.requestParamOIDCScopes);
  grant.addOIDCClaims(ctx.oidc.requestParamClaims);
  await grant.save();
  return grant;
}
