import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { LoginRefused, loginBeneficiary } from './beneficiary-login.ts';
import type { VerifiedIdentity } from './identity-client.ts';
import type { PatientMatch } from './patient-lookup.ts';
import { openTestDatabase } from './test-kit.ts';
import type { Defect } from './user-key.ts';
import { UserStore } from './user-store.ts';

const iss = 'http://127.0.0.1:4000';
// Two beneficiaries whose UUID v1 accounts were made 60 s apart on one node: twins under the cut.
const alice: VerifiedIdentity = {
  iss,
  sub: '1c3ac400-ea16-11f0-8000-0000a1b2c3d4',
  mbi: '1EG4TE5MK73',
  givenName: 'Alice',
  familyName: 'Adams',
  email: 'alice@example.test',
};
const bob: VerifiedIdentity = {
  iss,
  sub: '3fe4c400-ea16-11f0-8000-0000a1b2c3d4',
  mbi: '2FH5UF6NM84',
  givenName: 'Bob',
  familyName: 'Brown',
  email: 'bob@example.test',
};
const PATIENTS: Record<string, string> = {
  'hash:1EG4TE5MK73': '-20140000000001',
  'hash:2FH5UF6NM84': '-20140000000002',
};

describe('loginBeneficiary', () => {
  let db: Database;
  let lookups: string[];

  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(() => db.close());

  const context = (defect: Defect) => {
    lookups = [];
    return {
      defect,
      users: new UserStore(db),
      hashMbi: (mbi: string) => `hash:${mbi}`,
      findPatient: async (hash: string): Promise<PatientMatch> => {
        lookups.push(hash);
        const patientId = PATIENTS[hash];
        return patientId ? { found: 'one', patientId } : { found: 'none' };
      },
    };
  };

  const reset = () => db.query('truncate users, crosswalks cascade');

  it('gives two twin subjects their own patients with defect none', async () => {
    await reset();
    const ctx = context('none');

    const first = await loginBeneficiary(alice, ctx);
    const second = await loginBeneficiary(bob, ctx);

    expect([first.patientId, second.patientId]).toEqual(['-20140000000001', '-20140000000002']);
    expect(first.id).not.toBe(second.id);
    expect(lookups).toEqual(['hash:1EG4TE5MK73', 'hash:2FH5UF6NM84']);
  });

  it('reuses the crosswalk on a second login of the same subject', async () => {
    await reset();
    const ctx = context('none');

    const first = await loginBeneficiary(alice, ctx);
    const again = await loginBeneficiary(alice, ctx);

    expect(again).toEqual(first);
    expect(lookups).toEqual(['hash:1EG4TE5MK73']);
  });

  it("hands the second twin the first one's patient with defect truncate-uuid-96", async () => {
    await reset();
    const ctx = context('truncate-uuid-96');

    const first = await loginBeneficiary(alice, ctx);
    const second = await loginBeneficiary(bob, ctx);

    // The 2018 leak, reproduced on purpose: Bob is filed under Alice's user and patient.
    expect(second.id).toBe(first.id);
    expect(second.patientId).toBe('-20140000000001');
    expect(second.subject).toBe(alice.sub);
    expect(lookups).toEqual(['hash:1EG4TE5MK73']);
  });

  it('locks the second twin out with a server error with defect guarded-truncate-uuid-96', async () => {
    await reset();
    const ctx = context('guarded-truncate-uuid-96');

    const first = await loginBeneficiary(alice, ctx);
    const error = await loginBeneficiary(bob, ctx).catch((caught) => caught);

    // The guard turns the 2018 leak into a lock-out: Bob never gets a user, and Alice keeps hers.
    expect(error).toBeInstanceOf(LoginRefused);
    expect([error.status, error.title]).toEqual([500, 'Server error']);
    expect(await loginBeneficiary(alice, ctx)).toEqual(first);
  });

  it('files subjects that differ only in case as one user in a case-insensitive column', async () => {
    await db.query(
      'create unique index if not exists users_username_ci on users (lower(username))',
    );
    await reset();
    const ctx = {
      ...context('case-insensitive-column'),
      users: new UserStore(db, { caseInsensitive: true }),
    };
    const upper = { ...alice, sub: '00uHIVi3c8HVftARyuau' };
    const lower = { ...bob, sub: '00uhivi3c8hvftaryuau' };

    const first = await loginBeneficiary(upper, ctx);
    const second = await loginBeneficiary(lower, ctx);

    // The collation's bug, reproduced on purpose: the lower-case id finds the other one's user.
    expect(second.id).toBe(first.id);
    expect(second.patientId).toBe('-20140000000001');
    await db.query('drop index users_username_ci');
  });

  it('refuses a login whose MBI has no Medicare record with a 404 page', async () => {
    await reset();
    const stranger = { ...alice, sub: 'ffffffff-0000-11f0-8000-0000a1b2c3d4', mbi: '9ZZ9ZZ9ZZ99' };

    const error = await loginBeneficiary(stranger, context('none')).catch((caught) => caught);

    expect(error).toBeInstanceOf(LoginRefused);
    expect([error.status, error.title]).toEqual([404, 'Login failed: no Medicare record found']);
    expect(await db.query('select id from users')).toEqual([]);
  });

  it('refuses a login whose MBI matches two records with a server error', async () => {
    await reset();
    const ctx = {
      ...context('none'),
      findPatient: async (): Promise<PatientMatch> => ({
        found: 'many',
        patientIds: ['-1', '-2'],
      }),
    };

    const error = await loginBeneficiary(alice, ctx).catch((caught) => caught);

    expect([error.status, error.title]).toEqual([500, 'Server error']);
  });
});
