import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_EPOCH_MS, ManualClock } from '../core/clock.ts';
import { seededRandom } from '../core/random.ts';
import type { Account } from '../simulator/account.ts';
import { startSimulator } from '../simulator/start-simulator.ts';
import type { StartedSimulator } from '../simulator/started-simulator.ts';
import { HttpBrowser } from '../simulator/testing/http-browser.ts';
import { IdentityClient, type IdentityClientChecks } from './identity-client.ts';

const CALLBACK = 'http://127.0.0.1:9/mymedicare/sls-callback';
const CLIENT = { clientId: 'reference-target', clientSecret: 'target-secret' };

/**
 * The target's OpenID Connect client against a simulator whose UserInfo answers Bob's login
 * with Alice's claims and `sub` (a mixed-up account): the `userinfo-sub-unchecked` switch.
 */
describe('IdentityClient and a UserInfo answer about another account', () => {
  let simulator: StartedSimulator;
  let alice: Account;
  let bob: Account;

  beforeEach(async () => {
    simulator = await startSimulator({
      clock: new ManualClock(DEFAULT_EPOCH_MS),
      random: seededRandom(3),
      onWarning: () => {},
    });
    await simulator.registerClient({
      client_id: CLIENT.clientId,
      client_secret: CLIENT.clientSecret,
      redirect_uris: [CALLBACK],
    });
    alice = simulator.createAccount({
      username: 'alice',
      password: 'pw',
      profile: { given_name: 'Alice', mbi: '1EG4TE5MK73' },
    });
    bob = simulator.createAccount({
      username: 'bob',
      password: 'pw',
      profile: { given_name: 'Bob', mbi: '2FH5UF6NM84' },
      userinfoOf: alice.sub,
    });
  });
  afterEach(() => simulator.stop());

  async function logInAsBob(checks: IdentityClientChecks) {
    const client = new IdentityClient(simulator.issuer, CLIENT, checks);
    const { url, checks: state } = await client.startLogin(CALLBACK);
    const browser = new HttpBrowser(url.origin);
    const form = await browser.open(url);
    const callback = await browser.submit(form, '#login-form', { username: 'bob', password: 'pw' });
    return client.finishLogin(callback.url, state);
  }

  it('fails the login when the UserInfo sub is not the ID token’s, as the target must', async () => {
    await expect(logInAsBob({})).rejects.toThrowError('unexpected JSON attribute value');
  });

  it('logs Bob in as Alice with compareUserinfoSub false: the defect it reproduces', async () => {
    const identity = await logInAsBob({ compareUserinfoSub: false });

    expect(identity).toEqual({
      iss: simulator.issuer,
      sub: alice.sub,
      mbi: '1EG4TE5MK73',
      givenName: 'Alice',
      familyName: undefined,
      email: undefined,
    });
    expect(bob.sub).not.toBe(alice.sub);
  });
});
