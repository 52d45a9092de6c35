import type { Database } from './database.ts';

/** A local user and the FHIR patient its crosswalk points at. */
export interface CrosswalkedUser {
  id: number;
  username: string;
  /** The identity of the login that created this user (later logins may differ under a defect). */
  issuer: string;
  subject: string;
  givenName: string | null;
  familyName: string | null;
  email: string | null;
  patientId: string;
  /** The hashed MBI the crosswalk was made from. */
  mbiHash: string;
}

export interface NewUser {
  username: string;
  issuer: string;
  subject: string;
  givenName: string | null;
  familyName: string | null;
  email: string | null;
  patientId: string;
  mbiHash: string;
}

interface UserRow {
  id: number;
  username: string;
  issuer: string;
  subject: string;
  given_name: string | null;
  family_name: string | null;
  email: string | null;
  fhir_patient_id: string;
  mbi_hash: string;
}

const SELECT_USER = `select u.id, u.username, u.issuer, u.subject, u.given_name, u.family_name,
    u.email, c.fhir_patient_id, c.mbi_hash
  from users u join crosswalks c on c.user_id = u.id`;

/**
 * Users and their crosswalks (user -> FHIR patient id), in the target's database. With
 * `caseInsensitive` (the `case-insensitive-column` defect) usernames compare as a `*_ci` collation
 * compares them: a unique index on `lower(username)` and lookups through it, so ids that differ
 * only in case are one user (`schema.ts` makes the index).
 */
export class UserStore {
  readonly #db: Database;
  readonly #match: string;

  constructor(db: Database, options: { caseInsensitive?: boolean } = {}) {
    this.#db = db;
    this.#match = options.caseInsensitive ? 'lower(u.username) = lower($1)' : 'u.username = $1';
  }

  async findByUsername(username: string): Promise<CrosswalkedUser | undefined> {
    const rows = await this.#db.query<UserRow>(`${SELECT_USER} where ${this.#match}`, [username]);
    return rows[0] && toUser(rows[0]);
  }

  async findById(id: number): Promise<CrosswalkedUser | undefined> {
    const rows = await this.#db.query<UserRow>(`${SELECT_USER} where u.id = $1`, [id]);
    return rows[0] && toUser(rows[0]);
  }

  /**
   * Stores a user and its crosswalk in one statement, so no user exists without a patient. When
   * a concurrent login took the username first, its user is returned instead, as a unique
   * username column makes any real system do.
   */
  async create(user: NewUser): Promise<CrosswalkedUser> {
    const inserted = await this.#db.query<{ user_id: number }>(
      `with created as (
          insert into users (username, issuer, subject, given_name, family_name, email)
            values ($1, $2, $3, $4, $5, $6) on conflict do nothing returning id)
        insert into crosswalks (user_id, fhir_patient_id, mbi_hash)
          select id, $7, $8 from created returning user_id`,
      [
        user.username,
        user.issuer,
        user.subject,
        user.givenName,
        user.familyName,
        user.email,
        user.patientId,
        user.mbiHash,
      ],
    );
    const id = inserted[0]?.user_id;
    const stored =
      id === undefined ? await this.findByUsername(user.username) : await this.findById(id);
    if (!stored) throw new Error(`Failed to store user ${user.username}: no row after insert`);
    return stored;
  }
}

/**
 * The `first-login-race` defect's way of making a user: the id is allocated by the application
 * (`allocateId`, one more than the largest) when the new-user path starts, and written later by
 * `createWithId`. Between the two the login waits for the patient lookup, and a second first
 * login in that wait allocates the same id. The insert tolerates the clash, as the correct
 * `create` does, but then loads the user by the id it allocated: the first login's.
 */
export class AllocatedUserIds {
  readonly #db: Database;
  readonly #users: UserStore;

  constructor(db: Database, users: UserStore) {
    this.#db = db;
    this.#users = users;
  }

  async allocateId(): Promise<number> {
    const rows = await this.#db.query<{ next: number }>(
      'select coalesce(max(id), 0) + 1 as next from users',
    );
    return Number(rows[0]!.next);
  }

  async createWithId(id: number, user: NewUser): Promise<CrosswalkedUser> {
    await this.#db.query(
      `with created as (
          insert into users (id, username, issuer, subject, given_name, family_name, email)
            values ($1, $2, $3, $4, $5, $6, $7) on conflict do nothing returning id)
        insert into crosswalks (user_id, fhir_patient_id, mbi_hash)
          select id, $8, $9 from created`,
      [
        id,
        user.username,
        user.issuer,
        user.subject,
        user.givenName,
        user.familyName,
        user.email,
        user.patientId,
        user.mbiHash,
      ],
    );
    const stored = await this.#users.findById(id);
    if (!stored) throw new Error(`Failed to store user ${user.username}: no row after insert`);
    return stored;
  }
}

function toUser(row: UserRow): CrosswalkedUser {
  return {
    id: row.id,
    username: row.username,
    issuer: row.issuer,
    subject: row.subject,
    givenName: row.given_name,
    familyName: row.family_name,
    email: row.email,
    patientId: row.fhir_patient_id,
    mbiHash: row.mbi_hash,
  };
}
