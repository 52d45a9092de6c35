import type { Random } from '../../core/random.ts';

/** A request token: what the login page hands the browser for one client and one callback. */
interface RequestToken {
  sub: string;
  clientId: string;
}

/**
 * The SLSx profile's short-lived state: request tokens (single use, exchanged at
 * `/sso/session`) and auth tokens (valid for the user call until sign-out). Tokens come from
 * the simulator's seeded random source, so a run replays from its seed.
 */
export class SlsxSessions {
  readonly #random: Random;
  readonly #requestTokens = new Map<string, RequestToken>();
  readonly #authTokens = new Map<string, RequestToken>();

  constructor(random: Random) {
    this.#random = random;
  }

  issueRequestToken(grant: RequestToken): string {
    const token = this.#token();
    this.#requestTokens.set(token, grant);
    return token;
  }

  /** The request token's grant, forgotten on first use. */
  redeemRequestToken(token: string): RequestToken | undefined {
    const grant = this.#requestTokens.get(token);
    this.#requestTokens.delete(token);
    return grant;
  }

  issueAuthToken(grant: RequestToken): string {
    const token = this.#token();
    this.#authTokens.set(token, grant);
    return token;
  }

  authToken(token: string): RequestToken | undefined {
    return this.#authTokens.get(token);
  }

  signOut(token: string): boolean {
    return this.#authTokens.delete(token);
  }

  reset(): void {
    this.#requestTokens.clear();
    this.#authTokens.clear();
  }

  #token(): string {
    return Buffer.from(this.#random.bytes(24)).toString('base64url');
  }
}
