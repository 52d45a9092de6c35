/** Claims a relying party received with the subject, as far as transforms read them. */
export interface Claims {
  email?: string;
  [claim: string]: unknown;
}

/**
 * What one layer of a relying party holds about a person at one step of its mapping: the issuer
 * (`''` once the mapping dropped it), the subject or what is left of it, and the claims.
 */
export interface Identity {
  iss: string;
  sub: string;
  claims: Claims;
}

/** One named, parameterised step of a transform: pure, and `null` when it refuses the input. */
export interface TransformStep {
  /** The step's name in a transform spec (`slice`, `lower`). */
  readonly name: string;
  /** The step's parameters, as parsed from the spec (`slice:9:36` has `[9, 36]`). */
  readonly args: readonly number[];
  /** The spec of this step alone (`slice:9:36`). */
  readonly spec: string;
  /** What it does, in one phrase for the docs. */
  readonly description: string;
  apply(identity: Identity): Identity | null;
}

/**
 * A mapping from (`iss`, `sub`, claims) to the key a relying party stores a person under: the
 * correct `iss-sub`, or a lossy one seen in real systems (DOMAIN.md section 4).
 */
export interface Transform {
  /** The spec it was made from, normalised (`slice:9:36+lower`). */
  readonly spec: string;
  readonly steps: readonly TransformStep[];
  /**
   * The identity key, or `null` when the mapping cannot make one from this input (a real system
   * would fail the login, not merge it with another).
   */
  key(iss: string, sub: string, claims?: Claims): string | null;
}
