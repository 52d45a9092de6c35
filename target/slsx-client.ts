import { randomBytes } from 'node:crypto';
import { logger } from '../core/log.ts';
import type { IdentityChecks, IdentityClientChecks, VerifiedIdentity } from './identity-client.ts';

const log = logger('target:slsx');

interface SlsxUser {
  id?: unknown;
  mbi?: unknown;
  firstName?: unknown;
  lastName?: unknown;
  email?: unknown;
}

/**
 * The target as a client of the SLSx identity system, the way Blue Button 2.0 spoke to it
 * (DOMAIN.md section 6): health first, the login page with `relay` and `redirect_uri`, then
 * `/sso/session`, `/v1/users/<id>` and sign-out, which must answer 302 and end the session.
 * SLSx has no issuer claim; the identity system's base URL stands in as `iss`.
 */
export class SlsxClient {
  readonly #baseUrl: string;
  readonly #clientId: string;
  readonly #clientSecret: string;
  readonly #compareUserId: boolean;

  /** `checks.compareUserinfoSub`: whether the user answer's `id` must equal `user_id`. */
  constructor(
    baseUrl: string,
    client: { clientId: string; clientSecret: string },
    checks: IdentityClientChecks = {},
  ) {
    this.#baseUrl = baseUrl.replace(/\/+$/, '');
    this.#clientId = client.clientId;
    this.#clientSecret = client.clientSecret;
    this.#compareUserId = checks.compareUserinfoSub ?? true;
  }

  async startLogin(redirectUri: string): Promise<{ url: URL; checks: IdentityChecks }> {
    const health = await fetch(`${this.#baseUrl}/health`);
    if (!health.ok) throw new Error(`the SLSx health check answered ${health.status}`);

    const relay = randomBytes(24).toString('base64url');
    const url = new URL(`${this.#baseUrl}/sso/authorize`);
    url.searchParams.set('client_id', this.#clientId);
    url.searchParams.set('redirect_uri', redirectUri);
    url.searchParams.set('relay', relay);
    // SLSx has no nonce or PKCE: the relay is the only check the callback carries.
    return { url, checks: { state: relay, nonce: '', codeVerifier: '' } };
  }

  async finishLogin(callbackUrl: URL, checks: IdentityChecks): Promise<VerifiedIdentity> {
    if (callbackUrl.searchParams.get('relay') !== checks.state) {
      throw new Error('the callback relay differs from the one the login started with');
    }
    const requestToken = callbackUrl.searchParams.get('req_token') ?? '';

    const basic = Buffer.from(
      `${encodeURIComponent(this.#clientId)}:${encodeURIComponent(this.#clientSecret)}`,
    ).toString('base64');
    const session = await fetch(`${this.#baseUrl}/sso/session`, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        request_token: requestToken,
        client_id: this.#clientId,
        client_secret: this.#clientSecret,
      }),
    });
    if (!session.ok) throw new Error(`the SLSx session call answered ${session.status}`);
    const { auth_token: authToken, user_id: userId } = (await session.json()) as {
      auth_token?: unknown;
      user_id?: unknown;
    };
    if (typeof authToken !== 'string' || typeof userId !== 'string' || userId === '') {
      throw new Error('the SLSx session answer has no auth_token or user_id');
    }

    const user = await this.#user(userId, authToken);
    if (user.status !== 200) throw new Error(`the SLSx user call answered ${user.status}`);
    const body = (await user.json()) as { data?: { user?: SlsxUser } };
    const found = body.data?.user ?? {};
    if (found.id !== userId && this.#compareUserId) {
      throw new Error('the SLSx user id differs from the session user_id');
    }

    await this.#signOut(userId, authToken);
    const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
    const sub = this.#compareUserId ? userId : (text(found.id) ?? userId);
    log('user %s logged in at %s (session user_id %s)', sub, this.#baseUrl, userId);
    return {
      iss: this.#baseUrl,
      sub,
      mbi: text(found.mbi),
      givenName: text(found.firstName),
      familyName: text(found.lastName),
      email: text(found.email),
    };
  }

  /** Blue Button 2.0 signs out at once and checks that the session really ended. */
  async #signOut(userId: string, authToken: string): Promise<void> {
    const signout = await fetch(`${this.#baseUrl}/sso/signout`, {
      headers: { authorization: `Bearer ${authToken}` },
      redirect: 'manual',
    });
    if (signout.status !== 302) throw new Error(`SLSx sign-out answered ${signout.status}`);
    const after = await this.#user(userId, authToken);
    if (after.status !== 403) {
      throw new Error(`the SLSx user call answered ${after.status} after sign-out, not 403`);
    }
  }

  #user(userId: string, authToken: string): Promise<Response> {
    return fetch(`${this.#baseUrl}/v1/users/${encodeURIComponent(userId)}`, {
      headers: { authorization: `Bearer ${authToken}` },
    });
  }
}
