import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { createOAuthModel, type TargetOAuthModel } from './oauth-model.ts';
import { openTestDatabase, TEST_APPS } from './test-kit.ts';
import { UserStore } from './user-store.ts';

describe('createOAuthModel', () => {
  let db: Database;
  let model: TargetOAuthModel;
  let userId: number;

  beforeAll(async () => {
    db = await openTestDatabase();
    model = createOAuthModel(db);
    const user = await new UserStore(db).create({
      username: 'user-1',
      issuer: 'http://127.0.0.1:4000',
      subject: 'sub-1',
      givenName: 'Alice',
      familyName: 'Adams',
      email: null,
      patientId: '-20140000000001',
      mbiHash: 'abc',
    });
    userId = user.id;
  });
  afterAll(() => db.close());

  const app = TEST_APPS[0]!;
  const client = {
    id: app.clientId,
    grants: ['authorization_code', 'refresh_token'],
    redirectUris: app.redirectUris,
  };

  it('finds a client by id alone at the authorize endpoint', async () => {
    expect(await model.getClient(app.clientId, null as unknown as string)).toEqual(client);
  });

  it('refuses a client whose secret is wrong or missing at the token endpoint', async () => {
    expect(await model.getClient(app.clientId, 'wrong')).toBe(false);
    expect(await model.getClient(app.clientId, undefined as unknown as string)).toBe(false);
    expect(await model.getClient('nobody', app.clientSecret)).toBe(false);
  });

  it('stores a code with its PKCE challenge and redeems it exactly once', async () => {
    const expiresAt = new Date(Date.now() + 60_000);
    await model.saveAuthorizationCode(
      {
        authorizationCode: 'code-1',
        expiresAt,
        redirectUri: app.redirectUris[0]!,
        scope: ['openid', 'patient/Patient.read'],
        codeChallenge: 'challenge',
        codeChallengeMethod: 'S256',
      },
      client,
      { id: userId },
    );

    const code = await model.getAuthorizationCode('code-1');
    expect(code && code.codeChallenge).toBe('challenge');
    expect(code && code.scope).toEqual(['openid', 'patient/Patient.read']);
    expect(code && code.user).toEqual({ id: userId });
    expect(await model.revokeAuthorizationCode(code as never)).toBe(true);
    expect(await model.revokeAuthorizationCode(code as never)).toBe(false);
    expect(await model.getAuthorizationCode('code-1')).toBe(false);
  });

  it('records the consent as a grant', async () => {
    const rows = await db.query('select client_id, user_id, scope from grants');

    expect(rows).toEqual([
      { client_id: 'app-1', user_id: userId, scope: 'openid patient/Patient.read' },
    ]);
  });

  it('saves a token that names the crosswalk patient and nothing of the code', async () => {
    const saved = await model.saveToken(
      {
        accessToken: 'access-1',
        refreshToken: 'refresh-1',
        accessTokenExpiresAt: new Date(Date.now() + 60_000),
        refreshTokenExpiresAt: new Date(Date.now() + 120_000),
        scope: ['openid'],
        authorizationCode: 'code-1',
        client,
        user: { id: userId },
      },
      client,
      { id: userId },
    );

    expect(saved && saved.patient).toBe('-20140000000001');
    expect(saved && Object.keys(saved).sort()).toEqual([
      'accessToken',
      'accessTokenExpiresAt',
      'client',
      'patient',
      'refreshToken',
      'refreshTokenExpiresAt',
      'scope',
      'user',
    ]);
  });

  it('revokes a refresh token together with its access token', async () => {
    const refresh = await model.getRefreshToken('refresh-1');

    expect(await model.revokeToken(refresh as never)).toBe(true);
    expect(await model.getAccessToken('access-1')).toBe(false);
    expect(await model.getRefreshToken('refresh-1')).toBe(false);
  });

  it('lets an app introspect and revoke only its own tokens', async () => {
    await model.saveToken(
      {
        accessToken: 'access-2',
        accessTokenExpiresAt: new Date(Date.now() + 60_000),
        scope: ['openid'],
        client,
        user: { id: userId },
      },
      client,
      { id: userId },
    );

    expect(await model.findIssuedToken('access-2', 'app-2')).toBe(false);
    expect(await model.revokeIssuedToken('access-2', 'app-2')).toBe(false);
    expect(await model.findIssuedToken('access-2', 'app-1')).toMatchObject({
      patient: '-20140000000001',
    });
    expect(await model.revokeIssuedToken('access-2', 'app-1')).toBe(true);
    expect(await model.findIssuedToken('access-2', 'app-1')).toBe(false);
  });

  it('verifies that a token holds every scope a resource needs', async () => {
    const token = { accessToken: 'x', scope: ['openid', 'profile'], client, user: {} };

    expect(await model.verifyScope!(token, ['profile'])).toBe(true);
    expect(await model.verifyScope!(token, ['profile', 'patient/Patient.read'])).toBe(false);
  });
  it("hands a second app the first app's token pair with defect shared-token-across-apps", async () => {
    const shared = createOAuthModel(db, { shareTokensAcrossApps: true });
    const second = { ...client, id: TEST_APPS[1]!.clientId };
    const later = (ms: number) => new Date(Date.now() + ms);
    const first = await shared.saveToken(
      {
        accessToken: 'shared-access-1',
        refreshToken: 'shared-refresh-1',
        accessTokenExpiresAt: later(3_600_000),
        refreshTokenExpiresAt: later(7_200_000),
        scope: ['openid'],
        client,
        user: { id: userId },
      },
      client,
      { id: userId },
    );

    const given = await shared.saveToken(
      {
        accessToken: 'shared-access-2',
        refreshToken: 'shared-refresh-2',
        accessTokenExpiresAt: later(3_600_000),
        refreshTokenExpiresAt: later(7_200_000),
        scope: ['openid'],
        client: second,
        user: { id: userId },
      },
      second,
      { id: userId },
    );

    // The defect reproduced on purpose: the second app's token belongs to the first app.
    expect(given && [given.accessToken, given.client.id]).toEqual([
      first && first.accessToken,
      client.id,
    ]);
    await db.query("delete from tokens where access_token like 'shared-%'");
  });
});
