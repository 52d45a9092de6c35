import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, type StartedServer } from '../core/listen.ts';
import type { Database } from './database.ts';
import type { IdentityChecks, VerifiedIdentity } from './identity-client.ts';
import { IDENTITY_CALLBACK_PATH } from './identity-callback-route.ts';
import { createOAuthModel } from './oauth-model.ts';
import { createOAuthServer } from './oauth-server.ts';
import { hashMbi } from './hash-mbi.ts';
import { findPatientByMbiHash, MBI_HASH_SYSTEM } from './patient-lookup.ts';
import { resolveTargetOptions } from './reference-target-options.ts';
import { buildTargetApp } from './target-app.ts';
import { Browser, openTestDatabase, pkcePair, TEST_APPS } from './test-kit.ts';

const ALL_SCOPES = [
  'openid',
  'profile',
  'patient/Patient.read',
  'patient/Coverage.read',
  'patient/ExplanationOfBenefit.read',
].join(' ');
const MBI_HASH = { salt: '6E6F747468657265616C706570706572', iterations: 2 };
const ISSUER = 'http://127.0.0.1:4000';
const IDENTITIES: Record<string, VerifiedIdentity> = {
  alice: {
    iss: ISSUER,
    sub: '1c3ac400-ea16-11f0-8000-0000a1b2c3d4',
    mbi: '1EG4TE5MK73',
    givenName: 'Alice',
    familyName: 'Adams',
    email: 'alice@example.test',
  },
  bob: {
    iss: ISSUER,
    sub: '3fe4c400-ea16-11f0-8000-0000a1b2c3d4',
    mbi: '2FH5UF6NM84',
    givenName: 'Bob',
    familyName: 'Brown',
    email: 'bob@example.test',
  },
  stranger: {
    iss: ISSUER,
    sub: '5aa4c400-ea16-11f0-8000-0000a1b2c3d4',
    mbi: '3GJ6VG7PN95',
    givenName: 'Sam',
    familyName: 'Stranger',
    email: 'sam@example.test',
  },
};
const PATIENT_OF: Record<string, string> = {
  [hashMbi('1EG4TE5MK73', MBI_HASH)]: '-20140000000001',
  [hashMbi('2FH5UF6NM84', MBI_HASH)]: '-20140000000002',
};
const ALICE = '-20140000000001';
const BOB = '-20140000000002';
const app1 = TEST_APPS[0]!;

describe('the reference target over HTTP (identity system stubbed)', () => {
  let db: Database;
  let backend: StartedServer;
  let target: StartedServer;
  const backendRequests: string[] = [];

  beforeAll(async () => {
    backend = await listen((req, res) => {
      const url = new URL(req.url ?? '/', backend.url);
      backendRequests.push(`${url.pathname}${url.search}`);
      const send = (status: number, body: unknown) =>
        res
          .writeHead(status, { 'content-type': 'application/fhir+json' })
          .end(JSON.stringify(body));
      const identifier = url.searchParams.get('identifier');
      if (identifier) {
        const patientId = PATIENT_OF[identifier.slice(MBI_HASH_SYSTEM.length + 1)];
        return send(
          200,
          bundle(backend.url, patientId ? [{ resourceType: 'Patient', id: patientId }] : []),
        );
      }
      const read = url.pathname.match(/^\/v2\/fhir\/(\w+)\/([^/]+)$/);
      if (read) return send(200, resourceFor(read[1]!, read[2]!));
      return send(200, bundle(backend.url, [], `${backend.url}${url.pathname}?startIndex=10`));
    });

    db = await openTestDatabase();
    const model = createOAuthModel(db);
    // The app needs the target's URL, so it is built after the server listens.
    const late: { app?: ReturnType<typeof buildTargetApp> } = {};
    target = await listen((req, res) => late.app!(req, res));
    const options = resolveTargetOptions({
      issuer: ISSUER,
      identityClient: { clientId: 'bb2', clientSecret: 'bb2-secret' },
      backendUrl: backend.url,
      mbiHash: MBI_HASH,
      apps: TEST_APPS,
    });
    late.app = buildTargetApp({
      db,
      model,
      oauth: createOAuthServer(model),
      identity: stubIdentity(),
      options,
      baseUrl: target.url,
      identityRedirectUri: `${target.url}${IDENTITY_CALLBACK_PATH}`,
      findPatient: (hash) => findPatientByMbiHash(backend.url, hash),
    });
  });
  afterAll(async () => {
    await target?.stop();
    await backend?.stop();
    await db?.close();
  });

  /** Walks a browser through authorize, the stubbed login and the consent page. */
  const authorize = async (
    person: string,
    choice: { approve?: boolean; share?: boolean; scope?: string } = {},
  ) => {
    const browser = new Browser();
    const pkce = pkcePair();
    const state = `state-${person}-0123456789`;
    const query = new URLSearchParams({
      client_id: app1.clientId,
      redirect_uri: app1.redirectUris[0]!,
      response_type: 'code',
      state,
      code_challenge: pkce.challenge,
      code_challenge_method: 'S256',
      scope: choice.scope ?? ALL_SCOPES,
    });
    const toIdentity = await browser.get(`${target.url}/v2/o/authorize/?${query}`);
    const identityState = new URL(toIdentity.headers.get('location')!).searchParams.get('state');
    const back = await browser.get(
      `${target.url}${IDENTITY_CALLBACK_PATH}?code=${person}&state=${identityState}`,
    );
    if (back.status !== 302) return { browser, pkce, state, page: back };
    const consentUrl = new URL(back.headers.get('location')!, target.url).href;
    const consent = await browser.get(consentUrl);
    const $ = cheerio.load(await consent.text());
    const fields = new URLSearchParams();
    $('#authorizationForm input[type=hidden]').each((_, el) => {
      fields.append($(el).attr('name')!, $(el).attr('value')!);
    });
    fields.set('share_demographic_scopes', choice.share === false ? 'False' : 'True');
    if (choice.approve !== false) fields.set('allow', 'Allow');
    const decision = await browser.post(consentUrl, fields);
    return {
      browser,
      pkce,
      state,
      page: decision,
      redirect: new URL(decision.headers.get('location')!),
    };
  };

  const token = (fields: Record<string, string>) =>
    fetch(`${target.url}/v2/o/token/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields),
    });

  const exchange = async (person: string, choice: Parameters<typeof authorize>[1] = {}) => {
    const { redirect, pkce } = await authorize(person, choice);
    const response = await token({
      grant_type: 'authorization_code',
      code: redirect!.searchParams.get('code')!,
      redirect_uri: app1.redirectUris[0]!,
      code_verifier: pkce.verifier,
      client_id: app1.clientId,
      client_secret: app1.clientSecret,
    });
    return (await response.json()) as Record<string, string | number>;
  };

  const get = (path: string, accessToken?: string) =>
    fetch(`${target.url}${path}`, {
      headers: accessToken ? { authorization: `Bearer ${accessToken}` } : {},
    });

  it('answers /health with 200', async () => {
    expect((await get('/health')).status).toBe(200);
  });

  it('sends a browser without a login to the identity system with the callback URI', async () => {
    const browser = new Browser();
    const response = await browser.get(
      `${target.url}/v2/o/authorize/?${new URLSearchParams({
        client_id: app1.clientId,
        redirect_uri: app1.redirectUris[0]!,
        response_type: 'code',
        state: 'state-0123456789abcdef',
        code_challenge: pkcePair().challenge,
        code_challenge_method: 'S256',
      })}`,
    );

    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location')!);
    expect(location.origin).toBe(ISSUER);
    expect(location.searchParams.get('redirect_uri')).toBe(`${target.url}/mymedicare/sls-callback`);
  });

  it('answers an unregistered redirect URI with a JSON error and no redirect', async () => {
    const response = await get(
      `/v2/o/authorize/?client_id=app-1&redirect_uri=${encodeURIComponent('http://evil.test/cb')}`,
    );

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: 'invalid_request',
      error_description: 'redirect_uri is not registered for app-1',
    });
  });

  it('redirects to the app with a code and the state after approval', async () => {
    const { redirect, state } = await authorize('alice');

    expect(redirect!.origin + redirect!.pathname).toBe(app1.redirectUris[0]);
    expect(redirect!.searchParams.get('state')).toBe(state);
    expect(redirect!.searchParams.get('code')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers a denial with access_denied and the state', async () => {
    const { redirect, state } = await authorize('alice', { approve: false });

    expect(redirect!.searchParams.get('error')).toBe('access_denied');
    expect(redirect!.searchParams.get('state')).toBe(state);
    expect(redirect!.searchParams.get('code')).toBeNull();
  });

  it('exchanges the code for a token response that names the patient', async () => {
    const body = await exchange('alice');

    expect(Object.keys(body).sort()).toEqual([
      'access_token',
      'expires_in',
      'patient',
      'refresh_token',
      'scope',
      'token_type',
    ]);
    expect(body).toMatchObject({
      token_type: 'Bearer',
      patient: ALICE,
      scope: ALL_SCOPES,
    });
  });

  it('gives access tokens 10 hours, counted down to the second', async () => {
    const { expires_in } = await exchange('alice');

    // The library rounds the remaining lifetime down: 36000 s, or 35999 s a moment later.
    expect([35_999, 36_000]).toContain(expires_in);
  });

  it('refuses a wrong PKCE verifier, and the code is spent afterwards', async () => {
    const { redirect, pkce } = await authorize('alice');
    const fields = {
      grant_type: 'authorization_code',
      code: redirect!.searchParams.get('code')!,
      redirect_uri: app1.redirectUris[0]!,
      client_id: app1.clientId,
      client_secret: app1.clientSecret,
    };

    const wrong = await token({ ...fields, code_verifier: pkcePair().verifier });
    const right = await token({ ...fields, code_verifier: pkce.verifier });

    expect([wrong.status, await wrong.json()]).toEqual([
      400,
      { error: 'invalid_grant', error_description: 'Invalid grant: code verifier is invalid' },
    ]);
    expect([right.status, ((await right.json()) as { error: string }).error]).toEqual([
      400,
      'invalid_grant',
    ]);
  });

  it("refuses a code exchange with another app's secret", async () => {
    const { redirect, pkce } = await authorize('alice');
    const response = await token({
      grant_type: 'authorization_code',
      code: redirect!.searchParams.get('code')!,
      redirect_uri: app1.redirectUris[0]!,
      code_verifier: pkce.verifier,
      client_id: app1.clientId,
      client_secret: TEST_APPS[1]!.clientSecret,
    });

    expect([response.status, ((await response.json()) as { error: string }).error]).toEqual([
      400,
      'invalid_client',
    ]);
  });

  it('accepts client authentication by HTTP Basic', async () => {
    const { redirect, pkce } = await authorize('alice');
    const response = await fetch(`${target.url}/v2/o/token/`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${btoa(`${app1.clientId}:${app1.clientSecret}`)}`,
      },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: redirect!.searchParams.get('code')!,
        redirect_uri: app1.redirectUris[0]!,
        code_verifier: pkce.verifier,
      }),
    });

    expect([response.status, ((await response.json()) as { patient: string }).patient]).toEqual([
      200,
      ALICE,
    ]);
  });

  it('refreshes a token for the same patient and retires the old refresh token', async () => {
    const first = await exchange('bob');
    const refresh = (value: string | number | undefined) =>
      token({
        grant_type: 'refresh_token',
        refresh_token: String(value),
        client_id: app1.clientId,
        client_secret: app1.clientSecret,
      });

    const renewed = await refresh(first.refresh_token);
    const reused = await refresh(first.refresh_token);

    expect(renewed.status).toBe(200);
    expect(((await renewed.json()) as { patient: string }).patient).toBe(BOB);
    expect(reused.status).toBe(400);
    expect((await get('/v2/connect/userinfo', String(first.access_token))).status).toBe(401);
  });

  it('answers userinfo with the patient id as sub and the profile claims', async () => {
    const { access_token } = await exchange('bob');

    const response = await get('/v2/connect/userinfo', String(access_token));

    expect(await response.json()).toEqual({
      sub: BOB,
      name: 'Bob Brown',
      given_name: 'Bob',
      family_name: 'Brown',
      email: 'bob@example.test',
      patient: BOB,
    });
  });

  it('withholds Patient access and profile claims when demographics are not shared', async () => {
    const body = await exchange('bob', { share: false });

    const userinfo = await get('/v2/connect/userinfo', String(body.access_token));
    const patient = await get('/v2/fhir/Patient/', String(body.access_token));

    expect(body.scope).toBe('openid patient/Coverage.read patient/ExplanationOfBenefit.read');
    expect(await userinfo.json()).toEqual({ sub: BOB, patient: BOB });
    expect(patient.status).toBe(403);
  });

  it("forces every search to the token's patient and passes only paging", async () => {
    const { access_token } = await exchange('alice');
    backendRequests.length = 0;

    await get(`/v2/fhir/Patient/?_id=${BOB}&_count=5`, String(access_token));
    await get(
      `/v2/fhir/ExplanationOfBenefit/?patient=${BOB}&startIndex=10&_count=5&type=carrier`,
      String(access_token),
    );
    await get(`/v2/fhir/Coverage/?beneficiary=Patient/${BOB}`, String(access_token));

    expect(backendRequests).toEqual([
      `/v2/fhir/Patient/?_count=5&_id=${ALICE}`,
      `/v2/fhir/ExplanationOfBenefit/?_count=5&startIndex=10&patient=${ALICE}`,
      `/v2/fhir/Coverage/?beneficiary=Patient%2F${ALICE}`,
    ]);
  });

  it("rewrites the backend's URLs in paging links to the target's own", async () => {
    const { access_token } = await exchange('alice');

    const response = await get('/v2/fhir/ExplanationOfBenefit/', String(access_token));
    const body = (await response.json()) as { link: { relation: string; url: string }[] };

    expect(body.link).toEqual([
      { relation: 'next', url: `${target.url}/v2/fhir/ExplanationOfBenefit/?startIndex=10` },
    ]);
  });

  it("answers 404 to reads of another patient's resources, like BB2.0", async () => {
    const { access_token } = await exchange('alice');
    backendRequests.length = 0;

    const patient = await get(`/v2/fhir/Patient/${BOB}`, String(access_token));
    const eob = await get(`/v2/fhir/ExplanationOfBenefit/carrier-of${BOB}`, String(access_token));
    const coverage = await get(`/v2/fhir/Coverage/part-a-of${BOB}`, String(access_token));
    const own = await get(`/v2/fhir/Coverage/part-a-of${ALICE}`, String(access_token));

    expect([patient.status, eob.status, coverage.status, own.status]).toEqual([404, 404, 404, 200]);
    expect(backendRequests).toEqual([
      `/v2/fhir/ExplanationOfBenefit/carrier-of${BOB}`,
      `/v2/fhir/Coverage/part-a-of${BOB}`,
      `/v2/fhir/Coverage/part-a-of${ALICE}`,
    ]);
  });

  it('refuses data requests without a bearer token', async () => {
    const response = await get('/v2/fhir/Patient/');

    expect(response.status).toBe(401);
  });

  it("introspects an app's own token and revokes it", async () => {
    const { access_token } = await exchange('alice');
    const call = (path: string) =>
      fetch(`${target.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          token: String(access_token),
          client_id: app1.clientId,
          client_secret: app1.clientSecret,
        }),
      });

    const active = await (await call('/v2/o/introspect/')).json();
    const revoked = await call('/v2/o/revoke_token/');
    const after = await (await call('/v2/o/introspect/')).json();

    expect(active).toMatchObject({ active: true, client_id: 'app-1', patient: ALICE });
    expect(revoked.status).toBe(200);
    expect(after).toEqual({ active: false });
    expect((await get('/v2/connect/userinfo', String(access_token))).status).toBe(401);
  });

  it('shows a login without a Medicare record a 404 error page', async () => {
    const { page } = await authorize('stranger');
    const $ = cheerio.load(await page.text());

    expect(page.status).toBe(404);
    expect($('title').text()).toBe('Login failed: no Medicare record found');
  });

  it('shows a login that fails at the identity system a 500 "Server error" page', async () => {
    const { page } = await authorize('unknown-code');
    const $ = cheerio.load(await page.text());

    expect(page.status).toBe(500);
    expect($('title').text()).toBe('Server error');
  });
});

/** The identity system, reduced to its answers: the callback's `code` names the person. */
function stubIdentity() {
  let logins = 0;
  return {
    async startLogin(redirectUri: string) {
      logins += 1;
      const checks: IdentityChecks = { state: `login-${logins}`, nonce: 'n', codeVerifier: 'v' };
      const url = new URL(`${ISSUER}/auth`);
      url.searchParams.set('redirect_uri', redirectUri);
      url.searchParams.set('state', checks.state);
      return { url, checks };
    },
    async finishLogin(callbackUrl: URL, checks: IdentityChecks) {
      if (callbackUrl.searchParams.get('state') !== checks.state) throw new Error('state mismatch');
      const identity = IDENTITIES[callbackUrl.searchParams.get('code') ?? ''];
      if (!identity) throw new Error('invalid_grant');
      return identity;
    },
  };
}

function bundle(base: string, resources: object[], next?: string) {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: resources.length,
    link: next ? [{ relation: 'next', url: next }] : [],
    entry: resources.map((resource) => ({ fullUrl: `${base}/v2/fhir/x`, resource })),
  };
}

/** A read answer whose owner is encoded in its id: `carrier-of-2014...` belongs to that patient. */
function resourceFor(type: string, id: string) {
  const owner = id.slice(id.indexOf('-of') + 3);
  if (type === 'ExplanationOfBenefit') {
    return { resourceType: type, id, patient: { reference: `Patient/${owner}` } };
  }
  if (type === 'Coverage')
    return { resourceType: type, id, beneficiary: { reference: `Patient/${owner}` } };
  return { resourceType: type, id };
}
