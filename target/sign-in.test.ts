import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, type StartedServer } from '../core/listen.ts';
import type { Database } from './database.ts';
import type { IdentityChecks, VerifiedIdentity } from './identity-client.ts';
import { IDENTITY_CALLBACK_PATH } from './identity-callback-route.ts';
import type { IdentitySystem } from './identity-system.ts';
import { createOAuthModel } from './oauth-model.ts';
import { createOAuthServer } from './oauth-server.ts';
import { resolveTargetOptions } from './reference-target-options.ts';
import { buildTargetApp } from './target-app.ts';
import { Browser, openTestDatabase, pkcePair, TEST_APPS } from './test-kit.ts';

const FIRST = 'http://127.0.0.1:4010';
const SECOND = 'http://127.0.0.1:4012';
const app1 = TEST_APPS[0]!;

/** An identity system reduced to its answers: whoever logs in there is `sub` 1 of its issuer. */
function stubIdentity(issuer: string, finished: string[]): IdentitySystem {
  return {
    async startLogin(redirectUri: string) {
      const checks: IdentityChecks = { state: `at-${issuer}`, nonce: 'n', codeVerifier: 'v' };
      const url = new URL(`${issuer}/auth`);
      url.searchParams.set('redirect_uri', redirectUri);
      url.searchParams.set('state', checks.state);
      return { url, checks };
    },
    async finishLogin(callbackUrl: URL, checks: IdentityChecks): Promise<VerifiedIdentity> {
      if (callbackUrl.searchParams.get('state') !== checks.state) throw new Error('state mismatch');
      finished.push(issuer);
      return {
        iss: issuer,
        sub: '1',
        mbi: '1EG4TE5MK73',
        givenName: 'Alice',
        familyName: 'Adams',
        email: undefined,
      };
    },
  };
}

describe('the sign-in page of a target that trusts two identity systems', () => {
  let db: Database;
  let target: StartedServer;
  const finished: string[] = [];

  beforeAll(async () => {
    db = await openTestDatabase();
    const model = createOAuthModel(db);
    const late: { app?: ReturnType<typeof buildTargetApp> } = {};
    target = await listen((req, res) => late.app!(req, res));
    const options = resolveTargetOptions({
      issuer: FIRST,
      issuerName: 'Medicare.gov',
      identityClient: { clientId: 'bb2', clientSecret: 'bb2-secret' },
      moreIssuers: [
        {
          issuer: SECOND,
          name: 'Login.gov',
          identityClient: { clientId: 'bb2', clientSecret: 's' },
        },
      ],
      backendUrl: 'http://127.0.0.1:9',
      mbiHash: { salt: '00', iterations: 1 },
      apps: TEST_APPS,
    });
    late.app = buildTargetApp({
      db,
      model,
      oauth: createOAuthServer(model),
      identity: stubIdentity(FIRST, finished),
      moreIdentities: [stubIdentity(SECOND, finished)],
      options,
      baseUrl: target.url,
      identityRedirectUri: `${target.url}${IDENTITY_CALLBACK_PATH}`,
      findPatient: async () => ({ found: 'one', patientId: '-20140000000001' }),
    });
  });
  afterAll(async () => {
    await target?.stop();
    await db?.close();
  });

  const authorizeUrl = () =>
    `${target.url}/v2/o/authorize/?${new URLSearchParams({
      client_id: app1.clientId,
      redirect_uri: app1.redirectUris[0]!,
      response_type: 'code',
      state: 'state-0123456789abcdef',
      code_challenge: pkcePair().challenge,
      code_challenge_method: 'S256',
    })}`;

  it('offers each identity system, first one first, by name and issuer', async () => {
    const page = await new Browser().get(authorizeUrl());
    const $ = cheerio.load(await page.text());

    expect(page.status).toBe(200);
    expect(
      $('a[data-identity-provider]')
        .map((_, a) => [
          [$(a).attr('data-identity-provider'), $(a).text().trim(), $(a).attr('href')],
        ])
        .get(),
    ).toEqual([
      [FIRST, 'Sign in with Medicare.gov', '/mymedicare/login?provider=0'],
      [SECOND, 'Sign in with Login.gov', '/mymedicare/login?provider=1'],
    ]);
  });

  it('sends the browser to the chosen one and finishes the login there', async () => {
    const browser = new Browser();
    await browser.get(authorizeUrl());

    const chosen = await browser.get(`${target.url}/mymedicare/login?provider=1`);
    const location = new URL(chosen.headers.get('location')!);
    const back = await browser.get(
      `${target.url}${IDENTITY_CALLBACK_PATH}?state=${location.searchParams.get('state')}`,
    );

    expect([chosen.status, location.origin]).toEqual([302, SECOND]);
    expect(back.status).toBe(302);
    expect(finished).toEqual([SECOND]);
    expect(await db.query('select issuer, subject from users')).toEqual([
      { issuer: SECOND, subject: '1' },
    ]);
  });

  it('refuses a choice without a pending authorization, and an unknown choice', async () => {
    const fresh = await new Browser().get(`${target.url}/mymedicare/login?provider=1`);
    const browser = new Browser();
    await browser.get(authorizeUrl());
    const unknown = await browser.get(`${target.url}/mymedicare/login?provider=2`);

    expect([fresh.status, unknown.status]).toEqual([400, 400]);
    expect(
      cheerio
        .load(await unknown.text())('#error-message')
        .text(),
    ).toBe('No such way to sign in.');
  });
});
