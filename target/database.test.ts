import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isTwinsubError } from '../core/twinsub-error.ts';
import { openDatabase, type Database } from './database.ts';
import { createSchema } from './schema.ts';

describe('openDatabase', () => {
  let db: Database;

  beforeAll(async () => {
    db = await openDatabase();
  });
  afterAll(() => db.close());

  it('opens an in-memory PGlite when no DATABASE_URL is given', async () => {
    const rows = await db.query<{ answer: number }>('select 41 + $1::int as answer', [1]);

    expect(db.kind).toBe('pglite');
    expect(rows).toEqual([{ answer: 42 }]);
  });

  it('keeps 16 MB of shared buffers, not the default 128 MB', async () => {
    const rows = await db.query<{ shared_buffers: string }>('show shared_buffers');

    expect(rows).toEqual([{ shared_buffers: '16MB' }]);
  });

  it('creates every table of the schema, twice without error', async () => {
    await createSchema(db);
    await createSchema(db);
    const rows = await db.query<{ table_name: string }>(
      `select table_name from information_schema.tables where table_schema = 'public'
        order by table_name`,
    );

    expect(rows.map((row) => row.table_name)).toEqual([
      'applications',
      'authorization_codes',
      'crosswalks',
      'grants',
      'tokens',
      'users',
    ]);
  });

  // Needs a server: run with DATABASE_URL=postgres://... to include it.
  it.runIf(Boolean(process.env.DATABASE_URL))(
    'gives each start on PostgreSQL a schema of its own and drops it at close',
    async () => {
      const url = process.env.DATABASE_URL!;
      const first = await openDatabase(url);
      const second = await openDatabase(url);
      await createSchema(first);
      await createSchema(second);
      await first.query(
        `insert into users (username, issuer, subject) values ('u', 'http://i', 's')`,
      );

      const [own, other] = await Promise.all([
        first.query<{ n: number }>('select count(*)::int as n from users'),
        second.query<{ n: number }>('select count(*)::int as n from users'),
      ]);
      const schema = (
        await first.query<{ schema: string }>('select current_schema() as schema')
      )[0]!.schema;
      await first.close();
      await second.close();
      const observer = await openDatabase(url);
      const left = await observer.query('select 1 from pg_namespace where nspname = $1', [schema]);
      await observer.close();

      expect(first.kind).toBe('postgres');
      expect([own[0]!.n, other[0]!.n]).toEqual([1, 0]);
      expect(schema).toMatch(/^twinsub_target_[0-9a-f]{12}$/);
      expect(left).toEqual([]);
    },
  );

  it('reports an unreachable server as DATABASE_UNREACHABLE without its password', async () => {
    const error = await openDatabase('postgres://twinsub:hunter2@127.0.0.1:1/twinsub').catch(
      (caught: unknown) => caught,
    );

    expect(isTwinsubError(error) && error.code).toBe('DATABASE_UNREACHABLE');
    const message = (error as Error).message;
    expect(message).toMatch(/^Failed to connect to DATABASE_URL postgres:\/\/twinsub:\*\*\*@127/);
    expect(message).toMatch(/@127\.0\.0\.1:1\/twinsub: .*ECONNREFUSED/);
    expect(message).not.toContain('hunter2');
  });
});

// Each case starts PGlite at least twice, once with initdb: 20 s each on a busy machine.
describe('the PGlite data directory template', { timeout: 120_000 }, () => {
  const scratch = mkdtempSync(join(tmpdir(), 'twinsub-pglite-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  const tablesOf = async (db: Database) =>
    (
      await db.query<{ table_name: string }>(
        `select table_name from information_schema.tables where table_schema = 'public'`,
      )
    ).map((row) => row.table_name);

  it('is saved by the first start, before any table, and starts the next one empty', async () => {
    const template = join(scratch, 'cache', 'template.tar.gz');
    const first = await openDatabase(undefined, { pgliteTemplate: template });
    await createSchema(first);
    await first.close();
    const saved = readFileSync(template);

    const second = await openDatabase(undefined, { pgliteTemplate: template });
    const tables = await tablesOf(second);
    await createSchema(second);
    const users = await second.query<{ n: number }>('select count(*)::int as n from users');
    await second.close();

    // gzip's magic number: the template is a compressed tarball of the data directory.
    expect([saved[0], saved[1]]).toEqual([0x1f, 0x8b]);
    expect(tables).toEqual([]);
    expect(users).toEqual([{ n: 0 }]);
  });

  it('is replaced when it cannot be loaded, and the start still succeeds', async () => {
    const template = join(scratch, 'broken.tar.gz');
    writeFileSync(template, 'not a data directory');

    const db = await openDatabase(undefined, { pgliteTemplate: template });
    const rows = await db.query<{ answer: number }>('select 42 as answer');
    await db.close();
    const replaced = readFileSync(template);

    expect(rows).toEqual([{ answer: 42 }]);
    expect([replaced[0], replaced[1]]).toEqual([0x1f, 0x8b]);
  });
});
