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
}

/**
 * The accounts side of any world, whatever its target: creating a beneficiary's account at the
 * simulator (under a scheme, with an explicit sub, or as a twin), and who owns what.
 */
export function worldAccounts(population: Population, control: SimulatorControl) {
  const subjects = new Map<string, string>();
  const ownership: Ownership = {
    canaryPattern: CANARY_PATTERN,
    ownerOfCanary: (canary) => population.owners.get(canary),
    ownerOfPatient: (id) => population.byPatientId.get(id)?.key,
    patientOf: (key) => population.byKey.get(key)?.patientId ?? '',
    subjectOf: (key) => subjects.get(key) ?? '',
  };

  const enroll = async (
    beneficiary: Beneficiary,
    options: EnrollOptions = {},
  ): Promise<Account> => {
    const account = await control.createAccount({
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
    });
    subjects.set(beneficiary.key, account.sub);
    return account;
  };

  return { subjects, ownership, enroll };
}
