import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_EPOCH_MS, ManualClock } from '../core/clock.ts';
import { seededRandom } from '../core/random.ts';
import { SCHEME_NAMES } from '../subjects/registry.ts';
import { SimulatorControl } from './control-client.ts';
import { startSimulator } from './start-simulator.ts';
import type { StartedSimulator } from './started-simulator.ts';
import { RelyingParty } from './testing/relying-party.ts';

const BOB = {
  username: 'bob',
  password: 'pw-bob',
  profile: { given_name: 'Bob', family_name: 'Example', mbi: '2EG4TE5MK74' },
};

describe('the control API', () => {
  let simulator: StartedSimulator;
  let control: SimulatorControl;

  beforeEach(async () => {
    simulator = await startSimulator({
      clock: new ManualClock(DEFAULT_EPOCH_MS),
      random: seededRandom(11),
      onWarning: () => {},
    });
    control = new SimulatorControl(simulator.controlUrl);
  });

  afterEach(() => simulator.stop());

  const post = (path: string, body: string, type = 'application/json') =>
    fetch(`${simulator.controlUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': type },
      body,
    });

  it('creates an account at the simulated time and lists it', async () => {
    await control.advanceClock(90_000);
    const bob = await control.createAccount(BOB);

    expect(bob).toMatchObject({
      username: 'bob',
      scheme: 'uuid-v1',
      createdAt: DEFAULT_EPOCH_MS + 90_000,
      profile: { ...BOB.profile, name: 'Bob Example' },
    });
    expect(await control.accounts()).toEqual([bob]);
    expect(simulator.accounts()).toEqual([bob]);
  });

  it('answers malformed JSON with 400 and keeps answering', async () => {
    const response = await post('/accounts', '{"username": ');

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: 'invalid_request',
      message: `body must be valid JSON (got '{"username": ')`,
    });
    expect(await control.accounts()).toEqual([]);
  });

  it('answers an unknown field and a wrong type with 400 naming both', async () => {
    const response = await post(
      '/accounts',
      JSON.stringify({ username: 42, password: 'pw', nickname: 'bobby' }),
    );

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: 'invalid_request',
      message:
        'body.nickname must be absent: known fields are username, password, profile, scheme, ' +
        "sub, twinOf, userinfoOf (got 'bobby'); body.username must be a non-empty string (got 42)",
    });
    expect((await control.createAccount(BOB)).username).toBe('bob');
  });

  it('creates a twin of an existing UUID v1 account under the 2018 slice', async () => {
    const first = await control.createAccount({ ...BOB, username: 'twin-a', scheme: 'uuid-v1' });

    const twin = await control.createAccount({
      ...BOB,
      username: 'twin-b',
      twinOf: { sub: first.sub, transform: 'slice:9:36' },
    });

    expect(twin.sub).not.toBe(first.sub);
    expect(twin.sub.slice(9)).toBe(first.sub.slice(9));
    expect(twin.scheme).toBe('uuid-v1');
  });

  it('refuses a twin of an account that does not exist, naming the field', async () => {
    const error: unknown = await control
      .createAccount({ ...BOB, username: 'twin-c', twinOf: { sub: 'nobody', transform: 'lower' } })
      .catch((caught: unknown) => caught);

    expect((error as Error).message).toBe(
      "Failed to create an account: twinOf.sub must name an existing account (got 'nobody')",
    );
  });

  it('checks profile claims and the scheme by name', async () => {
    const response = await post(
      '/accounts',
      JSON.stringify({
        username: 'x',
        password: 'pw',
        scheme: 'uuid-v9',
        profile: { mbi: '1SG4TE5MK73', birthdate: '1950-13-01', shoe_size: 9 },
      }),
    );

    expect(response.status).toBe(400);
    const { message } = (await response.json()) as { message: string };
    expect(message.split('; ')).toEqual([
      `body.scheme must be one of ${SCHEME_NAMES.join(', ')} (got 'uuid-v9')`,
      'body.profile.shoe_size must be absent: known fields are given_name, family_name, name, ' +
        'email, email_verified, birthdate, mbi (got 9)',
      "body.profile.birthdate must be a date as YYYY-MM-DD (got '1950-13-01')",
      'body.profile.mbi must be an 11-character Medicare Beneficiary Identifier such as ' +
        "1EG4TE5MK73 (got '1SG4TE5MK73')",
    ]);
  });

  it('answers a taken username with 409', async () => {
    await control.createAccount(BOB);
    const response = await post('/accounts', JSON.stringify(BOB));

    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({
      error: 'conflict',
      message: "Failed to create account: username 'bob' is already taken",
    });
    await expect(control.createAccount(BOB)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('answers an unknown route with 404 and a wrong method with 405', async () => {
    const missing = await fetch(`${simulator.controlUrl}/beneficiaries`);
    const wrongMethod = await fetch(`${simulator.controlUrl}/issuances`, { method: 'DELETE' });

    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: 'not_found' });
    expect(wrongMethod.status).toBe(405);
    expect(await wrongMethod.json()).toEqual({
      error: 'method_not_allowed',
      message: 'method must be one of GET (got DELETE)',
    });
  });

  it('refuses a body that is not declared as JSON, which a web page could send', async () => {
    const response = await post('/reset', '', 'text/plain');

    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({
      error: 'invalid_request',
      message: "content-type must be application/json (got 'text/plain')",
    });
  });

  it('refuses a request whose host header is not loopback (DNS rebinding)', async () => {
    const answer = await new Promise<{ status?: number; body: string }>((resolve, reject) => {
      const url = new URL('/accounts', simulator.controlUrl);
      const req = request(url, { headers: { host: 'attacker.example:80' } }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode, body }));
      });
      req.on('error', reject);
      req.end();
    });

    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body)).toEqual({
      error: 'forbidden',
      message: "host header must name a loopback address (got 'attacker.example')",
    });
  });

  it('reads, advances and sets the simulated clock', async () => {
    expect(await control.clock()).toEqual({
      now: DEFAULT_EPOCH_MS,
      iso: '2026-01-05T09:00:00.000Z',
    });
    expect(await control.advanceClock(60_000)).toEqual({
      now: DEFAULT_EPOCH_MS + 60_000,
      iso: '2026-01-05T09:01:00.000Z',
    });
    expect((await control.setClock('2026-02-01T00:00:00Z')).iso).toBe('2026-02-01T00:00:00.000Z');
    expect(simulator.clock.now()).toBe(Date.UTC(2026, 1, 1));

    const negative = await post('/clock', JSON.stringify({ advanceMs: -5 }));
    expect(await negative.json()).toEqual({
      error: 'invalid_request',
      message: 'body.advanceMs must be a whole number of milliseconds >= 0 (got -5)',
    });
  });

  it('refuses a clock outside 2015-2100 or a date that does not exist, and keeps its time', async () => {
    const tooFar = await post('/clock', JSON.stringify({ advanceMs: 9007199254740991 }));
    const noSuchDay = await post('/clock', JSON.stringify({ set: '2026-02-31T00:00:00Z' }));
    const tooEarly = await post('/clock', JSON.stringify({ set: '1500-01-01T00:00:00Z' }));

    expect([tooFar.status, noSuchDay.status, tooEarly.status]).toEqual([400, 400, 400]);
    expect(await tooFar.json()).toEqual({
      error: 'invalid_request',
      message:
        'body.advanceMs must be small enough to keep the clock before 2100-01-01 ' +
        '(it is at 2026-01-05T09:00:00.000Z) (got 9007199254740991)',
    });
    expect((await noSuchDay.json()).message).toBe(
      "body.set must be an ISO 8601 instant such as 2026-01-05T09:00:00.000Z (got '2026-02-31T00:00:00Z')",
    );
    expect((await tooEarly.json()).message).toBe(
      "body.set must be an instant from 2015-01-01 to 2100-01-01 (got '1500-01-01T00:00:00Z')",
    );
    expect(await control.clock()).toEqual({
      now: DEFAULT_EPOCH_MS,
      iso: '2026-01-05T09:00:00.000Z',
    });
  });

  it('registers a client, refuses it twice, and lists its issuances', async () => {
    const bob = await control.createAccount(BOB);
    const rp = await RelyingParty.register(simulator, 'control-rp');
    await rp.logIn('bob', 'pw-bob');

    await expect(
      control.registerClient({
        client_id: 'control-rp',
        client_secret: 's',
        redirect_uris: ['http://127.0.0.1:9/callback'],
      }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: "Failed to register client 'control-rp': it is registered already",
    });
    const issued = await control.issuances();
    expect(issued.map((issuance) => [issuance.kind, issuance.sub, issuance.clientId])).toEqual([
      ['authorization_code', bob.sub, 'control-rp'],
      ['access_token', bob.sub, 'control-rp'],
      ['id_token', bob.sub, 'control-rp'],
      ['userinfo', bob.sub, 'control-rp'],
    ]);
  });

  it('refuses client metadata oidc-provider would reject later', async () => {
    const response = await post(
      '/clients',
      JSON.stringify({ client_id: 'bad', client_secret: 's', redirect_uris: ['http://x/cb#frag'] }),
    );

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: 'invalid_request',
      message:
        'client must be valid client metadata ' +
        "(got 'bad': redirect_uris must not contain fragments)",
    });
  });

  it('forgets accounts, issuances and sessions on reset; keeps clients and clock', async () => {
    await control.createAccount(BOB);
    const rp = await RelyingParty.register(simulator);
    const first = await rp.start();
    await rp.signIn(first, 'bob', 'pw-bob');
    await control.advanceClock(1_000);

    await control.reset();

    expect(await control.accounts()).toEqual([]);
    expect(await control.issuances()).toEqual([]);
    expect((await control.clock()).now).toBe(DEFAULT_EPOCH_MS + 1_000);
    // The same browser has to sign in again: its session is gone.
    const again = await rp.start(first.browser);
    expect(again.page.url.pathname).toMatch(/^\/interaction\//);
    const bob = await control.createAccount(BOB);
    const callback = await rp.signIn(again, 'bob', 'pw-bob');
    expect((await rp.finish(again, callback.url)).idToken.sub).toBe(bob.sub);
  });
});
