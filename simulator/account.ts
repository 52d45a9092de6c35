/**
 * Profile claims an account answers with, grouped by scope as OpenID Connect Core 5.4 groups them
 * (`profile`, `email`) plus the Medicare Beneficiary Identifier under the custom `mbi` scope.
 */
export interface Profile {
  given_name?: string;
  family_name?: string;
  /** Default: `given_name family_name` when either is set. */
  name?: string;
  email?: string;
  /** Default: `true` when `email` is set. */
  email_verified?: boolean;
  /** `YYYY-MM-DD` (OpenID Connect Core 5.1). */
  birthdate?: string;
  /** Medicare Beneficiary Identifier, 11 characters. */
  mbi?: string;
}

/** What a scenario asks for when it creates an account. */
export interface AccountInput {
  username: string;
  password: string;
  profile?: Profile;
  /** Subject scheme that makes the `sub`. Default: the simulator's `scheme` option. */
  scheme?: string;
  /** An explicit subject instead of the scheme's next one. */
  sub?: string;
  /**
   * Make the `sub` a twin of an existing account's: a subject of that account's scheme that the
   * named transform (`slice:9:36`, `lower`, ...; `transforms/`) maps to the same key.
   */
  twinOf?: { sub: string; transform: string };
  /**
   * A misbehaving identity provider: UserInfo (and the SLSx user call) for this account answers
   * with the named existing account's claims, `sub` included, while the ID token still names this
   * account, as a stale cache or a mixed-up session would. A relying party must notice the
   * differing `sub` (OpenID Connect Core 1.0, 5.3.2).
   */
  userinfoOf?: string;
}

/** A person's record at the simulated identity system. */
export interface Account {
  /** Subject: unique within the issuer, never reassigned (OpenID Connect Core 2). */
  readonly sub: string;
  readonly username: string;
  readonly password: string;
  readonly profile: Readonly<Profile>;
  /** Simulated time of creation, ms since the Unix epoch. */
  readonly createdAt: number;
  /** Scheme that made `sub`, or `explicit` when the caller chose it. */
  readonly scheme: string;
  /** Set when UserInfo answers for another account (`AccountInput.userinfoOf`): its `sub`. */
  readonly userinfoOf?: string;
}
