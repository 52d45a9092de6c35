import type { Configuration, JsonWebKeySet } from 'oidc-provider';
import { accountClaims, CLAIMS_BY_SCOPE } from './account-claims.ts';
import type { AccountStore } from './account-store.ts';
import { autoConsent } from './auto-consent.ts';
import { INTERACTION_PATH } from './interaction-handler.ts';
import { providerPages } from './provider-pages.ts';
import type { ProviderStorage } from './provider-storage.ts';

export interface ProviderParts {
  accounts: AccountStore;
  storage: ProviderStorage;
  jwks: JsonWebKeySet;
  /** Keys that sign oidc-provider's cookies. */
  cookieKeys: string[];
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * oidc-provider 9 configuration for the simulator. Every default that would print a notice or
 * load something from the network is set explicitly (docs/README.md "Configuration options").
 */
export function providerConfiguration(parts: ProviderParts): Configuration {
  const { accounts, storage } = parts;
  return {
    adapter: storage.adapter,
    jwks: parts.jwks,
    cookies: { keys: parts.cookieKeys },
    claims: { ...CLAIMS_BY_SCOPE },
    responseTypes: ['code'],
    clientDefaults: {
      grant_types: ['authorization_code'],
      response_types: ['code'],
      // RFC 7591 section 2 and OpenID Connect Registration 1.0 section 2 defaults.
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: 'RS256',
    },
    // Blue Button requires PKCE of its apps; the simulator of every client (RFC 9700 2.1.1).
    pkce: { required: () => true },
    features: {
      // oidc-provider's own login pages also log in anyone; production mode does not turn them off.
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: providerPages.logoutSource,
        postLogoutSuccessSource: providerPages.postLogoutSuccessSource,
      },
      userinfo: { enabled: true },
      resourceIndicators: { enabled: false },
      pushedAuthorizationRequests: { enabled: false },
    },
    interactions: { url: (_ctx, interaction) => `${INTERACTION_PATH}${interaction.uid}` },
    loadExistingGrant: autoConsent,
    findAccount: async (_ctx, sub) => {
      const account = accounts.bySub(sub);
      if (account === undefined) return undefined;
      // UserInfo of an account with `userinfoOf` answers for that other account; its `sub` is
      // replaced in the answer (`userinfo-mix-up.ts`), as oidc-provider forces the account's own.
      return {
        accountId: account.sub,
        claims: (use: string) =>
          accountClaims(use === 'userinfo' ? accounts.userinfoAccount(account) : account),
      };
    },
    clientBasedCORS: (_ctx, origin, client) =>
      (client.redirectUris ?? []).some((uri) => new URL(uri).origin === origin),
    renderError: providerPages.renderError,
    ttl: {
      AuthorizationCode: MINUTE,
      AccessToken: HOUR,
      IdToken: HOUR,
      Interaction: HOUR,
      RefreshToken: 14 * DAY,
      Session: 14 * DAY,
      Grant: 14 * DAY,
    },
  };
}
