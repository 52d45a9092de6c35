import { load } from 'cheerio';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_EPOCH_MS, ManualClock } from '../core/clock.ts';
import { seededRandom } from '../core/random.ts';
import type { Account } from './account.ts';
import { startSimulator } from './start-simulator.ts';
import type { StartedSimulator } from './started-simulator.ts';
import { RelyingParty } from './testing/relying-party.ts';

const ALICE = {
  username: 'alice',
  password: 'correct horse',
  profile: {
    given_name: 'Alice',
    family_name: 'Example',
    email: 'alice@example.test',
    birthdate: '1950-03-07',
    mbi: '1EG4TE5MK73',
  },
};

describe('a login at the simulator', () => {
  let simulator: StartedSimulator;
  let alice: Account;
  let rp: RelyingParty;
  const warnings: string[] = [];

  beforeEach(async () => {
    warnings.length = 0;
    simulator = await startSimulator({
      clock: new ManualClock(DEFAULT_EPOCH_MS),
      random: seededRandom(7),
      onWarning: (message) => warnings.push(message),
    });
    alice = simulator.createAccount(ALICE);
    rp = await RelyingParty.register(simulator);
  });

  afterEach(() => simulator.stop());

  it('ends with an ID token and userinfo for the account that signed in', async () => {
    const { idToken, userinfo } = await rp.logIn('alice', 'correct horse');

    expect(idToken.iss).toBe(simulator.issuer);
    expect(idToken.sub).toBe(alice.sub);
    expect(idToken.aud).toBe('test-rp');
    expect(userinfo).toEqual({
      sub: alice.sub,
      name: 'Alice Example',
      given_name: 'Alice',
      family_name: 'Example',
      birthdate: '1950-03-07',
      email: 'alice@example.test',
      email_verified: true,
      mbi: '1EG4TE5MK73',
    });
  });

  it('shows a real login form that loads nothing from elsewhere', async () => {
    const { page } = await rp.start();
    const $ = load(page.html);

    expect(page.status).toBe(200);
    expect(page.url.pathname).toMatch(/^\/interaction\/[\w-]+$/);
    expect($('#login-form').attr('method')).toBe('post');
    expect($('#login-form input[name=username]').attr('type')).toBe('text');
    expect($('#login-form input[name=password]').attr('type')).toBe('password');
    expect($('#login-form button[type=submit]').text()).toBe('Sign in');
    expect($('script, link, img, iframe').length).toBe(0);
    expect($('#client-id').text()).toBe('test-rp');
  });

  it('shows the form again with an error after a wrong password, then signs in', async () => {
    const attempt = await rp.start();
    const wrong = await rp.signIn(attempt, 'alice', 'wrong');
    const $ = load(wrong.html);

    expect(wrong.status).toBe(200);
    expect($('#login-error').text()).toBe('Wrong username or password.');
    expect($('#login-form input[name=username]').attr('value')).toBe('alice');
    expect(simulator.issuances()).toEqual([]);

    const retry = await rp.signIn({ ...attempt, page: wrong }, 'alice', 'correct horse');
    const { idToken } = await rp.finish(attempt, retry.url);
    expect(idToken.sub).toBe(alice.sub);
  });

  it('refuses an unknown username with the same message', async () => {
    const attempt = await rp.start();
    const page = await rp.signIn(attempt, 'mallory', 'correct horse');

    expect(load(page.html)('#login-error').text()).toBe('Wrong username or password.');
  });

  it('records every code, token and userinfo answer with its subject and client', async () => {
    simulator.clock.advance(5_000);
    await rp.logIn('alice', 'correct horse');

    const at = DEFAULT_EPOCH_MS + 5_000;
    const scopes = ['openid', 'profile', 'email', 'mbi'];
    const issued = simulator.issuances().map(({ claims: _claims, ...rest }) => rest);
    expect(issued).toEqual([
      { kind: 'authorization_code', sub: alice.sub, clientId: 'test-rp', scopes, at },
      { kind: 'access_token', sub: alice.sub, clientId: 'test-rp', scopes, at },
      { kind: 'id_token', sub: alice.sub, clientId: 'test-rp', scopes, at },
      { kind: 'userinfo', sub: alice.sub, clientId: 'test-rp', scopes, at },
    ]);
    expect(simulator.issuances()[3]?.claims?.mbi).toBe('1EG4TE5MK73');
  });

  it('answers UserInfo for the account userinfoOf names, sub included, while the ID token names the one that signed in', async () => {
    const bob = simulator.createAccount({
      username: 'bob',
      password: 'pw',
      profile: { given_name: 'Bob', mbi: '2FH5UF6NM84' },
      userinfoOf: alice.sub,
    });

    const { idToken, userinfo } = await rp.logIn('bob', 'pw', { compareUserinfoSub: false });

    expect(bob.userinfoOf).toBe(alice.sub);
    expect(idToken.sub).toBe(bob.sub);
    expect(userinfo).toEqual({
      sub: alice.sub,
      name: 'Alice Example',
      given_name: 'Alice',
      family_name: 'Example',
      birthdate: '1950-03-07',
      email: 'alice@example.test',
      email_verified: true,
      mbi: '1EG4TE5MK73',
    });
    // The ground truth records the answer as it was sent.
    expect(simulator.issuances().map((i) => [i.kind, i.sub])).toEqual([
      ['authorization_code', bob.sub],
      ['access_token', bob.sub],
      ['id_token', bob.sub],
      ['userinfo', alice.sub],
    ]);
  });

  it('fails the login of a relying party that compares the UserInfo sub with the ID token', async () => {
    simulator.createAccount({ username: 'bob', password: 'pw', userinfoOf: alice.sub });

    await expect(rp.logIn('bob', 'pw')).rejects.toThrowError('unexpected JSON attribute value');
  });

  it('refuses userinfoOf naming no account', () => {
    expect(() =>
      simulator.createAccount({ username: 'bob', password: 'pw', userinfoOf: 'nobody' }),
    ).toThrowError("userinfoOf must name an existing account's sub (got 'nobody')");
  });

  it('warns once, about development keys and the open control API', () => {
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('INSECURE TEST DEFAULTS');
    expect(warnings[0]).toContain(simulator.controlUrl);
  });
});

describe('signing out at the simulator', () => {
  it('ends the session after the person confirms, and asks for the password again', async () => {
    await using simulator = await startSimulator({ onWarning: () => {} });
    const dave = simulator.createAccount({ username: 'dave', password: 'pw' });
    const rp = await RelyingParty.register(simulator);
    const login = await rp.start();
    const callback = await rp.signIn(login, 'dave', 'pw');
    const { idTokenJwt } = await rp.finish(login, callback.url);

    const confirm = await login.browser.open(rp.endSessionUrl(idTokenJwt));
    expect(load(confirm.html)('#logout-yes').attr('name')).toBe('logout');
    const done = await login.browser.submit(confirm, 'form', { logout: 'yes' });

    expect(done.url.href).toBe('http://127.0.0.1:9/signed-out');
    const again = await rp.start(login.browser);
    expect(load(again.page.html)('#login-form').length).toBe(1);
    const back = await rp.signIn(again, 'dave', 'pw');
    expect((await rp.finish(again, back.url)).idToken.sub).toBe(dave.sub);
  });
});
