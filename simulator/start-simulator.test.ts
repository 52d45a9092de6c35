import { describe, expect, it, vi } from 'vitest';
import { listen } from '../core/listen.ts';
import { startSimulator } from './start-simulator.ts';
import type { SimulatorOptions } from './simulator-options.ts';
import { RelyingParty } from './testing/relying-party.ts';

const quiet = { onWarning: () => {} };

describe('startSimulator', () => {
  it('refuses a host other machines can reach unless told to allow it', async () => {
    await expect(startSimulator({ ...quiet, host: '0.0.0.0' })).rejects.toMatchObject({
      code: 'INVALID_OPTION',
      message:
        'options.host must be a loopback address such as 127.0.0.1 unless ' +
        "options.allowNonLoopback is true (got '0.0.0.0')",
    });
  });

  it('reports every option problem at once', async () => {
    const options = { port: -1, scheme: 'uuid-v0', colour: 'red', ...quiet };

    await expect(startSimulator(options as SimulatorOptions)).rejects.toMatchObject({
      code: 'INVALID_OPTION',
      message: expect.stringMatching(
        new RegExp(
          '^options\\.colour must be absent: .*; ' +
            'options\\.port must be an integer in 0\\.\\.65535 \\(got -1\\); ' +
            "options\\.scheme must be one of uuid-v1, .* \\(got 'uuid-v0'\\)$",
        ),
      ),
    });
  });

  it('names the option whose port is taken', async () => {
    await using taken = await listen((_req, res) => res.end());

    await expect(startSimulator({ ...quiet, controlPort: taken.port })).rejects.toMatchObject({
      code: 'PORT_IN_USE',
      message: expect.stringMatching(
        /^controlPort must be a free port \(got \d+: already in use\)/,
      ),
    });
  });

  it('serves discovery with the issuer it was reached at, and stops both listeners', async () => {
    const simulator = await startSimulator(quiet);
    const discovery = await fetch(`${simulator.issuer}/.well-known/openid-configuration`);
    const metadata = (await discovery.json()) as Record<string, unknown>;

    expect(simulator.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(metadata).toMatchObject({
      issuer: simulator.issuer,
      code_challenge_methods_supported: ['S256'],
      response_types_supported: ['code'],
      scopes_supported: ['openid', 'offline_access', 'profile', 'email', 'mbi'],
      end_session_endpoint: `${simulator.issuer}/session/end`,
      userinfo_endpoint: `${simulator.issuer}/me`,
    });

    await simulator.stop();
    await expect(fetch(simulator.issuer)).rejects.toThrow('fetch failed');
    await expect(fetch(simulator.controlUrl)).rejects.toThrow('fetch failed');
  });

  it('signs a person with a session in again without the form, for any client', async () => {
    await using simulator = await startSimulator(quiet);
    const carol = simulator.createAccount({ username: 'carol', password: 'pw' });
    const first = await RelyingParty.register(simulator, 'first-rp');
    const second = await RelyingParty.register(simulator, 'second-rp');

    const login = await first.start();
    await first.signIn(login, 'carol', 'pw');
    const silent = await second.start(login.browser, 'openid mbi');

    expect(silent.page.url.origin).toBe('http://127.0.0.1:9');
    const { idToken } = await second.finish(silent, silent.page.url);
    expect(idToken.sub).toBe(carol.sub);
    expect(idToken.aud).toBe('second-rp');
  });

  it('needs PKCE from every client, confidential ones included', async () => {
    await using simulator = await startSimulator(quiet);
    await RelyingParty.register(simulator, 'rp');
    const url = new URL('/auth', simulator.issuer);
    url.search = new URLSearchParams({
      client_id: 'rp',
      response_type: 'code',
      scope: 'openid',
      redirect_uri: 'http://127.0.0.1:9/callback',
    }).toString();

    const response = await fetch(url, { redirect: 'manual' });
    const location = new URL(response.headers.get('location') ?? '');

    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('error_description')).toBe(
      'Authorization Server policy requires PKCE to be used for this request',
    );
  });

  it('answers a path it does not serve with 404, printing nothing', async () => {
    await using simulator = await startSimulator(quiet);
    const printed = vi.spyOn(console, 'error');

    const response = await fetch(`${simulator.issuer}/no-such-page`);

    expect(response.status).toBe(404);
    expect(printed).not.toHaveBeenCalled();
    printed.mockRestore();
  });

  it('records no userinfo answer for a token it did not issue', async () => {
    await using simulator = await startSimulator(quiet);

    const response = await fetch(`${simulator.issuer}/me`, {
      headers: { authorization: 'Bearer not-a-token' },
    });

    expect(response.status).toBe(401);
    expect(simulator.issuances()).toEqual([]);
  });
});
