import type { ManualClock } from '../core/clock.ts';
import type { Random } from '../core/random.ts';
import { TwinsubError } from '../core/twinsub-error.ts';
import { createScheme } from '../subjects/registry.ts';
import { isTwinSet } from '../twins/twin-set.ts';
import { makeTwinOf } from '../twins/twin-of.ts';
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

    const twin = input.twinOf && this.#twinOf(input.twinOf, input.profile?.email);
    const schemeName = twin?.scheme ?? input.scheme ?? this.#defaultScheme;
    const sub = twin?.sub ?? input.sub ?? this.#scheme(schemeName).next();
    if (input.sub !== undefined && input.scheme !== undefined) {
      this.#requireFormat(input.sub, this.#scheme(input.scheme));
    }
    if (input.userinfoOf !== undefined && !this.#bySub.has(input.userinfoOf)) {
      throw new TwinsubError(
        'INVALID_REQUEST',
        `userinfoOf must name an existing account's sub (got '${input.userinfoOf}')`,
      );
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
      profile: Object.freeze(withDefaults({ ...input.profile, ...twin?.profile })),
      createdAt: twin?.createdAt ?? this.#clock.now(),
      scheme: input.sub === undefined || input.scheme !== undefined ? schemeName : EXPLICIT_SCHEME,
      ...(input.userinfoOf === undefined ? {} : { userinfoOf: input.userinfoOf }),
    });
    this.#bySub.set(sub, account);
    this.#byUsername.set(account.username, account);
    return account;
  }

  bySub(sub: string): Account | undefined {
    return this.#bySub.get(sub);
  }

  /**
   * The account whose claims UserInfo answers for `account`: itself, or the one its `userinfoOf`
   * names (a misbehaving identity provider).
   */
  userinfoAccount(account: Account): Account {
    return account.userinfoOf === undefined
      ? account
      : (this.#bySub.get(account.userinfoOf) ?? account);
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

  /**
   * A twin of an existing account under a transform (`twins/twin-of.ts`): of the same scheme,
   * issued as that scheme's issuer would (UUID v1: the same node, within the same window) or
   * constructed where no issuance makes one; for the `email` transform, with the same email.
   */
  #twinOf(
    request: { sub: string; transform: string },
    email: string | undefined,
  ): { sub: string; scheme: string; createdAt: number; profile: { email?: string } } {
    const existing = this.#bySub.get(request.sub);
    if (existing === undefined) {
      throw new TwinsubError(
        'INVALID_REQUEST',
        `twinOf.sub must name an existing account (got '${request.sub}')`,
      );
    }
    if (existing.scheme === EXPLICIT_SCHEME) {
      throw new TwinsubError(
        'INVALID_REQUEST',
        `twinOf.sub must name an account a scheme made (got '${request.sub}', an explicit sub)`,
      );
    }
    const result = makeTwinOf({
      scheme: existing.scheme,
      transform: request.transform,
      sub: existing.sub,
      claims: existing.profile.email === undefined ? {} : { email: existing.profile.email },
      createdAtMs: existing.createdAt,
      seed: this.#bySub.size + 1,
    });
    if (!isTwinSet(result)) {
      throw new TwinsubError(
        'INVALID_REQUEST',
        `twinOf must name a transform under which ${existing.scheme} ids have twins ` +
          `(got '${request.transform}': ${result.impossible})`,
      );
    }
    const member = result.members.find((m) => m.sub !== existing.sub && !this.#bySub.has(m.sub));
    if (member === undefined) {
      throw new TwinsubError('CONFLICT', `Failed to create a twin of ${existing.sub}: all taken`);
    }
    // Only a transform that keys on the email needs the twin to share it; others keep their own.
    const keysOnEmail = request.transform.split('+').some((step) => step.trim() === 'email');
    const twinEmail = keysOnEmail ? existing.profile.email : email;
    return {
      sub: member.sub,
      scheme: existing.scheme,
      createdAt: Math.max(member.createdAtMs, existing.createdAt),
      profile: twinEmail === undefined ? {} : { email: twinEmail },
    };
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
