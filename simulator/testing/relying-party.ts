import * as oidc from 'openid-client';
import type { StartedSimulator } from '../started-simulator.ts';
import { HttpBrowser, type Visited } from './http-browser.ts';

/** The scopes the reference target asks for. */
export const ALL_SCOPES = 'openid profile email mbi';

/**
 * A confidential relying party of the simulator, as the reference target is one: registered at
 * run time, discovery over plain HTTP, authorization code flow with PKCE S256, state and nonce.
 */
export class RelyingParty {
  readonly clientId: string;
  readonly redirectUri = 'http://127.0.0.1:9/callback';
  readonly #config: oidc.Configuration;

  private constructor(clientId: string, config: oidc.Configuration) {
    this.clientId = clientId;
    this.#config = config;
  }

  static async register(simulator: StartedSimulator, clientId = 'test-rp'): Promise<RelyingParty> {
    const secret = `${clientId}-secret`;
    const rp = { client_id: clientId, client_secret: secret };
    await simulator.registerClient({
      ...rp,
      redirect_uris: ['http://127.0.0.1:9/callback'],
      post_logout_redirect_uris: ['http://127.0.0.1:9/signed-out'],
    });
    const config = await oidc.discovery(
      new URL(simulator.issuer),
      clientId,
      undefined,
      oidc.ClientSecretBasic(secret),
      { execute: [oidc.allowInsecureRequests] },
    );
    return new RelyingParty(clientId, config);
  }

  /** Starts a login (in a fresh browser unless one is given); returns where the browser stops. */
  async start(browser?: HttpBrowser, scope = ALL_SCOPES): Promise<LoginAttempt> {
    const checks = {
      codeVerifier: oidc.randomPKCECodeVerifier(),
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
    };
    const url = oidc.buildAuthorizationUrl(this.#config, {
      redirect_uri: this.redirectUri,
      scope,
      state: checks.state,
      nonce: checks.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
    });
    const user = browser ?? new HttpBrowser(url.origin);
    return { browser: user, checks, page: await user.open(url) };
  }

  /** Signs in on the login page; returns the page the browser ends on (the callback on success). */
  signIn(attempt: LoginAttempt, username: string, password: string): Promise<Visited> {
    return attempt.browser.submit(attempt.page, '#login-form', { username, password });
  }

  /**
   * Exchanges the callback's code and reads userinfo, as the target does: its `sub` must be the
   * ID token's unless `compareUserinfoSub` is false.
   */
  async finish(attempt: LoginAttempt, callback: URL, { compareUserinfoSub = true } = {}) {
    const tokens = await oidc.authorizationCodeGrant(this.#config, callback, {
      pkceCodeVerifier: attempt.checks.codeVerifier,
      expectedState: attempt.checks.state,
      expectedNonce: attempt.checks.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims();
    if (idToken === undefined) throw new Error('the token response has no ID token');
    const userinfo = await oidc.fetchUserInfo(
      this.#config,
      tokens.access_token,
      compareUserinfoSub ? idToken.sub : oidc.skipSubjectCheck,
    );
    return { idToken, userinfo, idTokenJwt: tokens.id_token ?? '' };
  }

  /** RP-Initiated Logout 1.0: the end-session URL that returns to the relying party. */
  endSessionUrl(idToken: string): URL {
    return oidc.buildEndSessionUrl(this.#config, {
      id_token_hint: idToken,
      post_logout_redirect_uri: 'http://127.0.0.1:9/signed-out',
    });
  }

  /** A whole login: start, sign in, exchange. */
  async logIn(username: string, password: string, options: { compareUserinfoSub?: boolean } = {}) {
    const attempt = await this.start();
    const callback = await this.signIn(attempt, username, password);
    return this.finish(attempt, callback.url, options);
  }
}

export interface LoginAttempt {
  browser: HttpBrowser;
  checks: { codeVerifier: string; state: string; nonce: string };
  page: Visited;
}
