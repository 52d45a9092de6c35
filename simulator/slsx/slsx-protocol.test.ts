import { load } from 'cheerio';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_EPOCH_MS, ManualClock } from '../../core/clock.ts';
import { seededRandom } from '../../core/random.ts';
import type { Account } from '../account.ts';
import { startSimulator } from '../start-simulator.ts';
import type { StartedSimulator } from '../started-simulator.ts';

const CALLBACK = 'http://127.0.0.1:9100/mymedicare/sls-callback';
const CLIENT = { client_id: 'bb2api', client_secret: 'bb2-secret', redirect_uris: [CALLBACK] };
const BASIC = `Basic ${Buffer.from('bb2api:bb2-secret').toString('base64')}`;
const ALICE = {
  username: 'alice',
  password: 'correct horse',
  profile: {
    given_name: 'Alice',
    family_name: 'Example',
    email: 'a@example.test',
    mbi: '1EG4TE5MK73',
  },
};

describe('the SLSx profile of the simulator', () => {
  let simulator: StartedSimulator;
  let alice: Account;

  beforeEach(async () => {
    simulator = await startSimulator({
      clock: new ManualClock(DEFAULT_EPOCH_MS),
      random: seededRandom(7),
      onWarning: () => {},
    });
    alice = simulator.createAccount(ALICE);
    await simulator.registerClient(CLIENT);
  });

  afterEach(() => simulator.stop());

  const loginUrl = (redirectUri = CALLBACK) =>
    `${simulator.issuer}/sso/authorize?${new URLSearchParams({
      client_id: 'bb2api',
      redirect_uri: redirectUri,
      relay: 'relay-0123456789abcdef',
    })}`;

  /** The login page, the form post, and the callback URL the browser is sent to. */
  async function logIn(password = 'correct horse'): Promise<URL> {
    const page = load(await (await fetch(loginUrl())).text());
    const action = new URL(page('form#login-form').attr('action') ?? '', simulator.issuer);
    const response = await fetch(action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: 'alice', password }).toString(),
      redirect: 'manual',
    });
    expect(response.status).toBe(302);
    return new URL(response.headers.get('location') ?? '');
  }

  function session(requestToken: string, authorization = BASIC): Promise<Response> {
    return fetch(`${simulator.issuer}/sso/session`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify({
        request_token: requestToken,
        client_id: 'bb2api',
        client_secret: 'bb2-secret',
      }),
    });
  }

  const userCall = (id: string, token: string) =>
    fetch(`${simulator.issuer}/v1/users/${id}`, { headers: { authorization: `Bearer ${token}` } });

  it('answers its health endpoint with 200', async () => {
    const response = await fetch(`${simulator.issuer}/health`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ message: "all's well" });
  });

  it('returns the browser to the callback with req_token and relay, then names the user', async () => {
    const callback = await logIn();
    expect(`${callback.origin}${callback.pathname}`).toBe(CALLBACK);
    expect(callback.searchParams.get('relay')).toBe('relay-0123456789abcdef');

    const sessionResponse = await session(callback.searchParams.get('req_token') ?? '');
    expect(sessionResponse.status).toBe(200);
    const { auth_token: authToken, user_id: userId } = (await sessionResponse.json()) as {
      auth_token: string;
      user_id: string;
    };
    expect(userId).toBe(alice.sub);

    const user = await userCall(userId, authToken);
    expect(user.status).toBe(200);
    expect(await user.json()).toEqual({
      data: {
        user: {
          id: alice.sub,
          hicn: null,
          mbi: '1EG4TE5MK73',
          firstName: 'Alice',
          lastName: 'Example',
          email: 'a@example.test',
        },
      },
    });
    expect(simulator.issuances().map((i) => [i.kind, i.sub, i.clientId])).toEqual([
      ['authorization_code', alice.sub, 'bb2api'],
      ['access_token', alice.sub, 'bb2api'],
      ['userinfo', alice.sub, 'bb2api'],
    ]);
  });

  it('answers the user call of an account made with userinfoOf with that other account', async () => {
    // Bob signs in; his account's user call answers for Alice, id included.
    const bob = simulator.createAccount({
      username: 'bob',
      password: 'pw',
      profile: { mbi: '2FH5UF6NM84' },
      userinfoOf: alice.sub,
    });
    const page = load(await (await fetch(loginUrl())).text());
    const action = new URL(page('form#login-form').attr('action') ?? '', simulator.issuer);
    const login = await fetch(action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: 'bob', password: 'pw' }).toString(),
      redirect: 'manual',
    });
    const callback = new URL(login.headers.get('location') ?? '');
    const sessionResponse = await session(callback.searchParams.get('req_token') ?? '');
    const { auth_token: authToken, user_id: userId } = (await sessionResponse.json()) as {
      auth_token: string;
      user_id: string;
    };

    const user = await userCall(userId, authToken);

    expect(userId).toBe(bob.sub);
    expect(
      ((await user.json()) as { data: { user: { id: string; mbi: string } } }).data.user,
    ).toMatchObject({
      id: alice.sub,
      mbi: '1EG4TE5MK73',
    });
  });

  it('answers sign-out with 302, after which the user call answers 403', async () => {
    const callback = await logIn();
    const { auth_token: token } = (await (
      await session(callback.searchParams.get('req_token') ?? '')
    ).json()) as { auth_token: string };

    const signout = await fetch(`${simulator.issuer}/sso/signout`, {
      headers: { authorization: `Bearer ${token}` },
      redirect: 'manual',
    });

    expect(signout.status).toBe(302);
    expect((await userCall(alice.sub, token)).status).toBe(403);
  });

  it('accepts a request token once, and only with the client secret', async () => {
    const callback = await logIn();
    const token = callback.searchParams.get('req_token') ?? '';
    const wrong = `Basic ${Buffer.from('bb2api:guess').toString('base64')}`;

    expect((await session(token, wrong)).status).toBe(401);
    expect((await session(token)).status).toBe(200);
    expect((await session(token)).status).toBe(403);
  });

  it("refuses the user call for another user's id", async () => {
    const bob = simulator.createAccount({ username: 'bob', password: 'pw' });
    const callback = await logIn();
    const { auth_token: token } = (await (
      await session(callback.searchParams.get('req_token') ?? '')
    ).json()) as { auth_token: string };

    expect((await userCall(bob.sub, token)).status).toBe(403);
  });

  it('refuses a login page for a redirect_uri the client did not register', async () => {
    const response = await fetch(loginUrl('http://127.0.0.1:9100/elsewhere'));

    expect(response.status).toBe(400);
    expect(load(await response.text())('#error').text()).toBe(
      "redirect_uri must be registered for client 'bb2api' (got 'http://127.0.0.1:9100/elsewhere')",
    );
  });
});
