import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { LoginRefused, loginBeneficiary } from './beneficiary-login.ts';
import type { VerifiedIdentity } from './identity-client.ts';
import type { PatientMatch } from './patient-lookup.ts';
import { openTestDatabase } from './test-kit.ts';
import type { Defect } from './user-key.ts';
import { AllocatedUserIds, UserStore } from './user-store.ts';

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

  it("files the same sub from a second issuer under the first one's user with defect issuer-ignored", async () => {
    await reset();
    const ctx = context('issuer-ignored');
    const elsewhere = { ...bob, iss: 'http://127.0.0.1:4001', sub: alice.sub };

    const first = await loginBeneficiary(alice, ctx);
    const second = await loginBeneficiary(elsewhere, ctx);
    const apart = await loginBeneficiary(elsewhere, context('none'));

    // The issuer's bug, reproduced on purpose: Bob at the other issuer finds Alice's user.
    expect(second.id).toBe(first.id);
    expect(second.patientId).toBe('-20140000000001');
    // The correct key keeps him apart, with his own patient.
    expect(apart.patientId).toBe('-20140000000002');
  });

  /**
   * Two first logins whose patient lookups the test answers only once both have asked: both are
   * between their check and their insert at once, the interleaving a race needs, every time.
   */
  async function concurrentFirstLogins(defect: Defect) {
    await reset();
    const base = context(defect);
    // Each lookup waits until both logins are in theirs; they are answered by whose MBI they
    // ask for, since on a PostgreSQL pool the two logins may reach the lookup in either order.
    const asked = new Map<string, () => void>();
    let bothAsked: () => void = () => {};
    const gate = new Promise<void>((resolve) => (bothAsked = resolve));
    const ctx = {
      ...base,
      allocatedIds:
        defect === 'first-login-race' ? new AllocatedUserIds(db, base.users) : undefined,
      findPatient: async (hash: string): Promise<PatientMatch> => {
        await new Promise<void>((resolve) => {
          asked.set(hash, resolve);
          if (asked.size === 2) bothAsked();
        });
        return base.findPatient(hash);
      },
    };
    const logins = [loginBeneficiary(alice, ctx), loginBeneficiary(bob, ctx)];
    await gate;
    // Alice's lookup is answered and stored first, then Bob's.
    asked.get(base.hashMbi(alice.mbi!))!();
    const first = await logins[0]!;
    asked.get(base.hashMbi(bob.mbi!))!();
    const second = await logins[1]!;
    return { first, second, users: await db.query<{ id: number }>('select id from users') };
  }

  it('gives two concurrent first logins their own users with defect none', async () => {
    const { first, second, users } = await concurrentFirstLogins('none');

    expect([first.patientId, second.patientId]).toEqual(['-20140000000001', '-20140000000002']);
    expect(first.id).not.toBe(second.id);
    expect(users).toHaveLength(2);
  });

  it("files the second of two concurrent first logins under the first one's user with defect first-login-race", async () => {
    const { first, second, users } = await concurrentFirstLogins('first-login-race');

    // The race, reproduced on purpose: both took id 1; Bob's insert gave way to Alice's.
    expect([first.id, second.id]).toEqual([1, 1]);
    expect([first.subject, second.subject]).toEqual([alice.sub, alice.sub]);
    expect(second.patientId).toBe('-20140000000001');
    expect(users).toEqual([{ id: 1 }]);
  });

  it('gives first logins one after the other their own users with defect first-login-race', async () => {
    await reset();
    const base = context('first-login-race');
    const ctx = { ...base, allocatedIds: new AllocatedUserIds(db, base.users) };

    const first = await loginBeneficiary(alice, ctx);
    const second = await loginBeneficiary(bob, ctx);

    expect([first.id, second.id]).toEqual([1, 2]);
    expect([first.patientId, second.patientId]).toEqual(['-20140000000001', '-20140000000002']);
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
