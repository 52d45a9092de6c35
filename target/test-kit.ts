import { createHash, randomBytes } from 'node:crypto';
import { openDatabase, type Database } from './database.ts';
import type { AppRegistration } from './reference-target-options.ts';
import { registerApps } from './register-apps.ts';
import { createSchema } from './schema.ts';

/** The fixtures the target's tests share: two registered apps and PKCE values. */
export const TEST_APPS: AppRegistration[] = [
  {
    clientId: 'app-1',
    clientSecret: 'app-1-secret',
    name: 'First Test App',
    redirectUris: ['http://127.0.0.1:9001/callback'],
  },
  {
    clientId: 'app-2',
    clientSecret: 'app-2-secret',
    name: 'Second Test App',
    redirectUris: ['http://127.0.0.1:9002/callback'],
  },
];

/** An in-memory PGlite with the target's schema and `TEST_APPS` registered. */
export async function openTestDatabase(): Promise<Database> {
  const db = await openDatabase();
  await createSchema(db);
  await registerApps(db, TEST_APPS);
  return db;
}

/** A PKCE verifier and its S256 challenge (RFC 7636 section 4.2). */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge };
}
