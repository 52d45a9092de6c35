import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { logger } from '../core/log.ts';
import { makeDirectory } from '../core/make-directory.ts';
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

export interface OpenDatabaseOptions {
  /**
   * Where PGlite keeps the data directory that `initdb` makes, so that later starts load it
   * instead of running `initdb` again; `false`: no template. Default: `pgliteTemplateFile()`.
   */
  pgliteTemplate?: string | false;
}

/**
 * Opens the target's database: an in-memory PGlite when `databaseUrl` is absent, otherwise a
 * pool on that PostgreSQL server. On a server every start gets a schema of its own (dropped at
 * `close()`), so users left by an earlier run can never be matched by a later one's defect.
 */
export async function openDatabase(
  databaseUrl?: string,
  options: OpenDatabaseOptions = {},
): Promise<Database> {
  if (databaseUrl === undefined) return openPglite(options.pgliteTemplate ?? pgliteTemplateFile());
  return openPostgres(databaseUrl);
}

/**
 * PostgreSQL's settings for the embedded database. A target under test holds a few thousand rows:
 * 16 MB of shared buffers hold them all, and the default 128 MB cost about 150 MB of memory.
 */
const PGLITE_CONF = 'shared_buffers = 16MB\n';

/**
 * The template's place: in the `node_modules/.cache` of the install that holds PGlite, named
 * after PGlite's version, whose data directory format it is.
 */
export function pgliteTemplateFile(): string {
  // The package's exports hide its package.json: walk up from its entry point to find it.
  let root = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  while (!existsSync(join(root, 'package.json'))) root = dirname(root);
  const manifest = join(root, 'package.json');
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  // <node_modules>/@electric-sql/pglite
  const nodeModules = dirname(dirname(root));
  return join(nodeModules, '.cache', 'twinsub', `pglite-${version}-datadir.tar.gz`);
}

async function openPglite(template: string | false): Promise<Database> {
  const db = await startPglite(template);
  log('opened in-memory PGlite');
  return {
    kind: 'pglite',
    query: async <Row>(sql: string, params: unknown[] = []) =>
      (await db.query<Row>(sql, params)).rows,
    close: () => db.close(),
  };
}

/**
 * A fresh PGlite. `initdb` is most of a start's time and, because PGlite runs it in a second
 * WebAssembly instance, most of its memory: a start from the saved data directory takes about a
 * quarter of the time and half the memory. A template that cannot be read or loaded is replaced.
 */
async function startPglite(template: string | false): Promise<PGlite> {
  if (template !== false && existsSync(template)) {
    try {
      const loadDataDir = new Blob([readFileSync(template)]);
      return await PGlite.create({ loadDataDir, postgresqlconf: PGLITE_CONF });
    } catch (error) {
      log('template %s could not be loaded (%s): running initdb', template, reasonOf(error));
    }
  }
  const db = await PGlite.create({ postgresqlconf: PGLITE_CONF });
  if (template !== false) await saveTemplate(db, template);
  return db;
}

/**
 * Saves the data directory `initdb` just made, before any table exists. Written to a file of its
 * own and renamed into place, so that a target starting at the same time never reads half of
 * it. A cache that cannot be written (a read-only install) only costs the next start its time.
 */
async function saveTemplate(db: PGlite, template: string): Promise<void> {
  const partial = `${template}.${process.pid}.partial`;
  try {
    const dump = await db.dumpDataDir('gzip');
    makeDirectory(dirname(template));
    writeFileSync(partial, new Uint8Array(await dump.arrayBuffer()));
    renameSync(partial, template);
    log('saved the PGlite data directory template at %s', template);
  } catch (error) {
    rmSync(partial, { force: true });
    log('could not save the PGlite template at %s: %s', template, reasonOf(error));
  }
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
