import { createHash, randomBytes } from 'node:crypto';
import { CookieJar } from 'tough-cookie';
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

/**
 * The target's schema with `TEST_APPS` registered: in an in-memory PGlite, or in a fresh schema
 * on the PostgreSQL server `DATABASE_URL` names, so the same tests check both engines.
 */
export async function openTestDatabase(): Promise<Database> {
  const db = await openDatabase(process.env.DATABASE_URL || undefined);
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

/** A cookie jar and fetch with redirects left to the test, as a browser's network layer. */
export class Browser {
  readonly jar = new CookieJar();

  get(url: string): Promise<Response> {
    return this.send(url, { method: 'GET' });
  }

  post(url: string, fields: URLSearchParams): Promise<Response> {
    return this.send(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: fields.toString(),
    });
  }

  async send(url: string, init: RequestInit): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('cookie', await this.jar.getCookieString(url));
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const cookie of response.headers.getSetCookie()) await this.jar.setCookie(cookie, url);
    return response;
  }
}
