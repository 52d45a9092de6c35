import OAuth2Server from '@node-oauth/oauth2-server';
import type { TargetOAuthModel } from './oauth-model.ts';

/** Lifetimes in seconds: codes last minutes, access tokens 10 hours as BB2.0's do. */
const AUTHORIZATION_CODE_LIFETIME_S = 5 * 60;
const ACCESS_TOKEN_LIFETIME_S = 10 * 60 * 60;
const REFRESH_TOKEN_LIFETIME_S = 14 * 24 * 60 * 60;

/**
 * The target's OAuth 2.0 authorization server (`@node-oauth/oauth2-server`): authorization code
 * with PKCE S256 only (plain is refused, RFC 7636 section 7.2), refresh tokens rotated on use,
 * and `patient` from the model's token copied into the token response.
 */
export function createOAuthServer(model: TargetOAuthModel): OAuth2Server {
  return new OAuth2Server({
    model,
    authorizationCodeLifetime: AUTHORIZATION_CODE_LIFETIME_S,
    accessTokenLifetime: ACCESS_TOKEN_LIFETIME_S,
    refreshTokenLifetime: REFRESH_TOKEN_LIFETIME_S,
    allowExtendedTokenAttributes: true,
    allowEmptyState: false,
    alwaysIssueNewRefreshToken: true,
  });
}
