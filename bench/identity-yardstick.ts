import * as oauth from 'openid-client';
import { ManualClock, DEFAULT_EPOCH_MS } from '../core/clock.ts';
import { listen } from '../core/listen.ts';
import { seededRandom } from '../core/random.ts';
import { startSimulator } from '../simulator/start-simulator.ts';

/**
 * The yardstick: the identity provider alone (oidc-provider with twinsub's login page) and a bare
 * relying party, no target and no apps. A full federated login can never be faster than this.
 */
export async function startIdentityYardstick() {
  const simulator = await startSimulator({
    clock: new ManualClock(DEFAULT_EPOCH_MS),
    random: seededRandom(1),
    onWarning: () => {},
  });
  const config = await oauth.discovery(
    new URL(simulator.issuer),
    'yardstick',
    'yardstick-secret',
    undefined,
    { execute: [oauth.allowInsecureRequests] },
  );
  const pending = new Map<string, string>();
  const rp = await listen(async (req, res) => {
    const url = new URL(req.url ?? '/', rp.url);
    if (url.pathname === '/start') {
      const verifier = oauth.randomPKCECodeVerifier();
      const state = oauth.randomState();
      pending.set(state, verifier);
      const target = oauth.buildAuthorizationUrl(config, {
        redirect_uri: `${rp.url}/cb`,
        scope: 'openid',
        state,
        code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
      });
      res.writeHead(302, { location: target.href }).end();
      return;
    }
    const state = url.searchParams.get('state') ?? '';
    const tokens = await oauth.authorizationCodeGrant(config, url, {
      pkceCodeVerifier: pending.get(state),
      expectedState: state,
    });
    pending.delete(state);
    res.writeHead(200, { 'content-type': 'text/html' }).end(`<p>${tokens.claims()?.sub}</p>`);
  });
  await simulator.registerClient({
    client_id: 'yardstick',
    client_secret: 'yardstick-secret',
    redirect_uris: [`${rp.url}/cb`],
  });
  return {
    simulator,
    startUrl: `${rp.url}/start`,
    stop: async () => {
      await rp.stop();
      await simulator.stop();
    },
  };
}
