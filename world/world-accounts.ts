import { CANARY_PATTERN } from '../fixtures/canary.ts';
import type { Beneficiary, Population } from '../fixtures/population.ts';
import type { Ownership } from '../oracle/ownership.ts';
import type { Account } from '../simulator/account.ts';
import type { SimulatorControl } from '../simulator/control-client.ts';

/** How an account's `sub` is made; at most one of `sub` and `twinOf`. */
export interface EnrollOptions {
  scheme?: string;
  sub?: string;
  twinOf?: { sub: string; transform: string };
  email?: string;
  /**
   * Which of the world's identity providers holds the account (index into
   * `World.identityProviders`). Default 0, the first.
   */
  identityProvider?: number;
  /**
   * The identity provider misbehaves for this account: UserInfo answers with the claims of the
   * account whose `sub` this is, at the same identity provider (`AccountInput.userinfoOf`).
   */
  userinfoOf?: string;
}

/** An identity system of a world, as scenarios reach it and as a person picks it. */
export interface WorldIdentityProvider {
  /** What the target's sign-in page calls it. */
  name: string;
  /** Its `iss`. */
  issuer: string;
  control: SimulatorControl;
  /**
   * CSS selector of what a person clicks on the target's sign-in page to use this identity
   * provider; undefined when the target trusts only one and has no such page.
   */
  choose: string | undefined;
}

/**
 * The accounts side of any world, whatever its target: creating a beneficiary's account at one
 * of the world's identity providers (under a scheme, with an explicit sub, or as a twin), and who
 * owns what.
 */
export function worldAccounts(population: Population, providers: WorldIdentityProvider[]) {
  const subjects = new Map<string, string>();
  const providerOf = new Map<string, number>();
  const ownership: Ownership = {
    canaryPattern: CANARY_PATTERN,
    ownerOfCanary: (canary) => population.owners.get(canary),
    ownerOfPatient: (id) => population.byPatientId.get(id)?.key,
    patientOf: (key) => population.byKey.get(key)?.patientId ?? '',
    subjectOf: (key) => subjects.get(key) ?? '',
    issuerOf: (key) => {
      const index = providerOf.get(key);
      return index === undefined ? '' : (providers[index]?.issuer ?? '');
    },
  };

  const enroll = async (
    beneficiary: Beneficiary,
    options: EnrollOptions = {},
  ): Promise<Account> => {
    const index = options.identityProvider ?? 0;
    const provider = providers[index];
    if (!provider) {
      throw new Error(
        `identityProvider must be one of 0..${providers.length - 1} (got ${options.identityProvider})`,
      );
    }
    const account = await provider.control.createAccount({
      username: beneficiary.username,
      password: beneficiary.password,
      profile: {
        given_name: beneficiary.givenName,
        family_name: beneficiary.familyName,
        email: options.email ?? beneficiary.email,
        birthdate: beneficiary.birthDate,
        mbi: beneficiary.mbi,
      },
      ...(options.scheme === undefined ? {} : { scheme: options.scheme }),
      ...(options.sub === undefined ? {} : { sub: options.sub }),
      ...(options.twinOf === undefined ? {} : { twinOf: options.twinOf }),
      ...(options.userinfoOf === undefined ? {} : { userinfoOf: options.userinfoOf }),
    });
    subjects.set(beneficiary.key, account.sub);
    providerOf.set(beneficiary.key, index);
    return account;
  };

  /** The identity provider that holds the beneficiary's account, once enrolled. */
  const identityProviderOf = (key: string): WorldIdentityProvider | undefined => {
    const index = providerOf.get(key);
    return index === undefined ? undefined : providers[index];
  };

  return { subjects, ownership, enroll, identityProviders: providers, identityProviderOf };
}
