import type { Database } from './database.ts';

/**
 * The target's tables. After the 2019 incident BB2.0 stored the identity system's full id and
 * made the crosswalk immutable; here `username` holds whatever the configured user key is
 * (`user-key.ts`), so the defect lives in one function and the schema stays the same.
 */
const STATEMENTS = [
  `create table if not exists applications (
    client_id text primary key,
    client_secret text not null,
    name text not null,
    redirect_uris text[] not null
  )`,
  `create table if not exists users (
    id serial primary key,
    username text not null unique,
    issuer text not null,
    subject text not null,
    given_name text,
    family_name text,
    email text,
    created_at timestamptz not null default now()
  )`,
  `create table if not exists crosswalks (
    user_id integer primary key references users (id),
    fhir_patient_id text not null,
    mbi_hash text not null,
    created_at timestamptz not null default now()
  )`,
  `create table if not exists grants (
    client_id text not null references applications (client_id),
    user_id integer not null references users (id),
    scope text not null,
    created_at timestamptz not null default now(),
    primary key (client_id, user_id)
  )`,
  `create table if not exists authorization_codes (
    code text primary key,
    client_id text not null references applications (client_id),
    user_id integer not null references users (id),
    redirect_uri text not null,
    scope text not null,
    code_challenge text,
    code_challenge_method text,
    expires_at timestamptz not null
  )`,
  `create table if not exists tokens (
    access_token text primary key,
    refresh_token text unique,
    client_id text not null references applications (client_id),
    user_id integer not null references users (id),
    scope text not null,
    fhir_patient_id text not null,
    access_expires_at timestamptz not null,
    refresh_expires_at timestamptz,
    revoked_at timestamptz
  )`,
];

/**
 * A case-insensitive unique username, as a MySQL/MariaDB `*_ci` collation gives it (DOMAIN.md
 * section 4). PGlite has no nondeterministic ICU collation, so an expression index on `lower()`
 * stands in for it in both PGlite and PostgreSQL.
 */
const CASE_INSENSITIVE_USERNAME = `create unique index if not exists users_username_ci
  on users (lower(username))`;

/** Creates every table the target uses (idempotent). */
export async function createSchema(
  db: Database,
  options: { caseInsensitiveUsernames?: boolean } = {},
): Promise<void> {
  for (const statement of STATEMENTS) await db.query(statement);
  if (options.caseInsensitiveUsernames) await db.query(CASE_INSENSITIVE_USERNAME);
}
