import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { logger } from '../core/log.ts';
import { TwinsubError } from '../core/twinsub-error.ts';

const log = logger('target:database');

/** The SQL the target needs: parameterised queries and a way to let go of the connection. */
export interface Database {
  /** Runs one statement with `$1`-style parameters and returns its rows. */
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Which engine answers, for logs and reports. */
  readonly kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

/**
 * Opens the target's database: an in-memory PGlite when `databaseUrl` is absent, otherwise a
 * pool on that PostgreSQL server. On a server every start gets a schema of its own (dropped at
 * `close()`), so users left by an earlier run can never be matched by a later one's defect.
 */
export async function openDatabase(databaseUrl?: string): Promise<Database> {
  if (databaseUrl === undefined) return openPglite();
  return openPostgres(databaseUrl);
}

async function openPglite(): Promise<Database> {
  const db = await PGlite.create();
  log('opened in-memory PGlite');
  return {
    kind: 'pglite',
    query: async <Row>(sql: string, params: unknown[] = []) =>
      (await db.query<Row>(sql, params)).rows,
    close: () => db.close(),
  };
}

async function openPostgres(databaseUrl: string): Promise<Database> {
  const schema = `twinsub_target_${randomBytes(6).toString('hex')}`;
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    options: `-c search_path=${schema}`,
    connectionTimeoutMillis: 5_000,
  });
  // An idle client that loses its server emits 'error' on the pool; unhandled, it ends the process.
  pool.on('error', (error) => log('idle PostgreSQL client failed: %s', error.message));

  try {
    await pool.query(`create schema ${schema}`);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new TwinsubError(
      'DATABASE_UNREACHABLE',
      `Failed to connect to DATABASE_URL ${redact(databaseUrl)}: ${reasonOf(error)}; ` +
        'start the server or unset DATABASE_URL to use the embedded PGlite',
      { cause: error },
    );
  }
  log('opened PostgreSQL schema %s', schema);

  return {
    kind: 'postgres',
    query: async <Row>(sql: string, params: unknown[] = []) =>
      (await pool.query(sql, params)).rows as Row[],
    close: async () => {
      await pool.query(`drop schema if exists ${schema} cascade`).catch((error: Error) => {
        log('could not drop schema %s: %s', schema, error.message);
      });
      await pool.end();
    },
  };
}

/** The URL without its password, so that error messages can be shown and logged. */
function redact(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '(unparseable URL)';
  }
}

/** Node reports a refused connection to a name with several addresses as an AggregateError. */
function reasonOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) {
    return error.errors.map((inner: unknown) => reasonOf(inner)).join('; ');
  }
  if (error instanceof Error && error.message) return error.message;
  if (error instanceof Error && 'code' in error) return String(error.code);
  return String(error);
}
