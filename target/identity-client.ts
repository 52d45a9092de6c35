import * as oidc from 'openid-client';
import { logger } from '../core/log.ts';

const log = logger('target:identity');

/** What the target keeps in the browser's session between the redirect and the callback. */
export interface IdentityChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** A verified login at the identity system: the ID token's identity and the UserInfo claims. */
export interface VerifiedIdentity {
  iss: string;
  sub: string;
  mbi: string | undefined;
  givenName: string | undefined;
  familyName: string | undefined;
  email: string | undefined;
}

/** How strictly a client checks the identity system's answers. */
export interface IdentityClientChecks {
  /**
   * Whether the UserInfo answer's `sub` must equal the ID token's (OpenID Connect Core 1.0,
   * 5.3.2). Default true. False is the `userinfo-sub-unchecked` defect: the identity is then
   * taken from UserInfo, `sub` included, whoever the ID token named.
   */
  compareUserinfoSub?: boolean;
}

/** The scopes the target asks the identity system for; `mbi` carries the Medicare number. */
const IDENTITY_SCOPES = 'openid profile email mbi';

/**
 * The target as an OpenID Connect relying party of the identity system (authorization code flow
 * with PKCE, `openid-client`). Discovery runs on first use, so the target can start before the
 * identity system has registered it, and is retried after a failure.
 */
export class IdentityClient {
  readonly #issuer: string;
  readonly #clientId: string;
  readonly #clientSecret: string;
  readonly #compareUserinfoSub: boolean;
  #config: Promise<oidc.Configuration> | undefined;

  constructor(
    issuer: string,
    client: { clientId: string; clientSecret: string },
    checks: IdentityClientChecks = {},
  ) {
    this.#issuer = issuer;
    this.#clientId = client.clientId;
    this.#clientSecret = client.clientSecret;
    this.#compareUserinfoSub = checks.compareUserinfoSub ?? true;
  }

  /** The identity system's authorization URL for one login, and the checks to keep for it. */
  async startLogin(redirectUri: string): Promise<{ url: URL; checks: IdentityChecks }> {
    const config = await this.#configuration();
    const checks: IdentityChecks = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
    };
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: IDENTITY_SCOPES,
      state: checks.state,
      nonce: checks.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url, checks };
  }

  /**
   * Exchanges the callback's code, verifies the ID token (issuer, audience, nonce, signature) and
   * reads UserInfo, which must name the same `sub` (OpenID Connect Core 1.0, 5.3.2); a UserInfo
   * answer about anyone else fails the login.
   */
  async finishLogin(callbackUrl: URL, checks: IdentityChecks): Promise<VerifiedIdentity> {
    const config = await this.#configuration();
    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new Error('the token response has no ID token');

    const userinfo = await oidc.fetchUserInfo(
      config,
      tokens.access_token,
      this.#compareUserinfoSub ? claims.sub : oidc.skipSubjectCheck,
    );
    const text = (name: string) =>
      typeof userinfo[name] === 'string' ? (userinfo[name] as string) : undefined;
    // The defect's team read "who logged in" from the profile UserInfo returned.
    const sub = this.#compareUserinfoSub ? claims.sub : userinfo.sub;
    log('identity %s at %s logged in (ID token sub %s)', sub, claims.iss, claims.sub);
    return {
      iss: claims.iss,
      sub,
      mbi: text('mbi'),
      givenName: text('given_name'),
      familyName: text('family_name'),
      email: text('email'),
    };
  }

  #configuration(): Promise<oidc.Configuration> {
    if (this.#config) return this.#config;
    const issuer = new URL(this.#issuer);
    const execute = issuer.protocol === 'http:' ? [oidc.allowInsecureRequests] : [];
    this.#config = oidc
      // client_secret_basic: oidc-provider's default for a client registered without a method.
      .discovery(issuer, this.#clientId, undefined, oidc.ClientSecretBasic(this.#clientSecret), {
        execute,
      })
      .catch((error: unknown) => {
        this.#config = undefined;
        throw error;
      });
    return this.#config;
  }
}
