/** The artifacts the simulator records as ground truth of who was given what. */
export type IssuanceKind = 'authorization_code' | 'access_token' | 'id_token' | 'userinfo';

/** One artifact issued to a relying party on behalf of an account. */
export interface Issuance {
  readonly kind: IssuanceKind;
  /** Subject the artifact speaks for. */
  readonly sub: string;
  readonly clientId: string;
  /** Scopes granted to the artifact, in the order the provider lists them. */
  readonly scopes: readonly string[];
  /** Simulated time of issue, ms since the Unix epoch. */
  readonly at: number;
  /** ID token payload or userinfo answer as delivered; absent for codes and access tokens. */
  readonly claims?: Readonly<Record<string, unknown>>;
}

/** Append-only record of issuances, oldest first. */
export class IssuanceLog {
  #entries: Issuance[] = [];

  record(issuance: Issuance): void {
    this.#entries.push(Object.freeze(issuance));
  }

  list(): Issuance[] {
    return [...this.#entries];
  }

  reset(): void {
    this.#entries = [];
  }
}
