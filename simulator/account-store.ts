import type { ManualClock } from '../core/clock.ts';
import type { Random } from '../core/random.ts';
import { TwinsubError } from '../core/twinsub-error.ts';
import { createScheme } from '../subjects/registry.ts';
import type { SubjectScheme } from '../subjects/subject-scheme.ts';
import type { Account, AccountInput, Profile } from './account.ts';

/** The scheme name recorded for an account whose `sub` the caller chose. */
export const EXPLICIT_SCHEME = 'explicit';

/**
 * Accounts of the simulated identity system, keyed by `sub` and by username. Subjects come from
 * one scheme instance per scheme name, so ids keep the generator state a real issuer keeps.
 */
export class AccountStore {
  readonly #clock: ManualClock;
  readonly #random: Random;
  readonly #defaultScheme: string;
  readonly #bySub = new Map<string, Account>();
  readonly #byUsername = new Map<string, Account>();
  readonly #schemes = new Map<string, SubjectScheme>();

  constructor(context: { clock: ManualClock; random: Random; defaultScheme: string }) {
    this.#clock = context.clock;
    this.#random = context.random;
    this.#defaultScheme = context.defaultScheme;
  }

  /** Input is already well-typed (see `parseAccountInput`); this checks it against the store. */
  create(input: AccountInput): Account {
    if (this.#byUsername.has(input.username)) {
      throw new TwinsubError(
        'CONFLICT',
        `Failed to create account: username '${input.username}' is already taken`,
      );
    }

    const schemeName = input.scheme ?? this.#defaultScheme;
    const sub = input.sub ?? this.#scheme(schemeName).next();
    if (input.sub !== undefined && input.scheme !== undefined) {
      this.#requireFormat(input.sub, this.#scheme(input.scheme));
    }
    if (this.#bySub.has(sub)) {
      throw new TwinsubError(
        'CONFLICT',
        `Failed to create account: sub '${sub}' is already taken; subjects are never ` +
          `reassigned within one issuer (OpenID Connect Core 1.0 section 2)`,
      );
    }

    const account: Account = Object.freeze({
      sub,
      username: input.username,
      password: input.password,
      profile: Object.freeze(withDefaults(input.profile ?? {})),
      createdAt: this.#clock.now(),
      scheme: input.sub === undefined || input.scheme !== undefined ? schemeName : EXPLICIT_SCHEME,
    });
    this.#bySub.set(sub, account);
    this.#byUsername.set(account.username, account);
    return account;
  }

  bySub(sub: string): Account | undefined {
    return this.#bySub.get(sub);
  }

  byUsername(username: string): Account | undefined {
    return this.#byUsername.get(username);
  }

  /** Every account, oldest first. */
  list(): Account[] {
    return [...this.#bySub.values()];
  }

  /**
   * Forgets every account. Scheme instances stay, like a real issuer's host: a UUID v1 node id
   * survives a reset, and ids made after it still never repeat ones made before.
   */
  reset(): void {
    this.#bySub.clear();
    this.#byUsername.clear();
  }

  #scheme(name: string): SubjectScheme {
    const existing = this.#schemes.get(name);
    if (existing !== undefined) return existing;

    const scheme = createScheme(name, {
      random: this.#random.fork(`scheme:${name}`),
      clock: this.#clock,
    });
    this.#schemes.set(name, scheme);
    return scheme;
  }

  #requireFormat(sub: string, scheme: SubjectScheme): void {
    if (scheme.validate(sub)) return;
    throw new TwinsubError(
      'INVALID_REQUEST',
      `sub must be a well-formed ${scheme.name} id when scheme is given (got '${sub}')`,
    );
  }
}

function withDefaults(profile: Profile): Profile {
  const out: Profile = { ...profile };
  const fullName = [profile.given_name, profile.family_name].filter(Boolean).join(' ');
  if (out.name === undefined && fullName !== '') out.name = fullName;
  if (out.email_verified === undefined && out.email !== undefined) out.email_verified = true;
  return out;
}
