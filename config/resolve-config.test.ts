import { describe, expect, it } from 'vitest';
import { blueButtonProfile } from './blue-button-profile.ts';
import { resolveConfig } from './resolve-config.ts';

const APPS = [
  { clientId: 'app-one', clientSecret: 's1', redirectUri: 'http://127.0.0.1:4141/callback' },
  { clientId: 'app-two', clientSecret: 's2', redirectUri: 'http://127.0.0.1:4142/callback' },
];
const MBI_HASH = { salt: '6E6F747468657265616C706570706572', iterations: 2 };

describe('resolveConfig', () => {
  it('fills a Blue Button profile from a URL, the apps and the hashing settings', () => {
    const config = resolveConfig(
      blueButtonProfile({
        target: { url: 'http://127.0.0.1:8000/' },
        apps: APPS,
        mbiHash: MBI_HASH,
      }),
      '/project/twinsub.config.ts',
    );

    expect(config.target).toEqual({
      kind: 'url',
      url: 'http://127.0.0.1:8000',
      healthUrl: 'http://127.0.0.1:8000/',
      startupTimeoutMs: 10_000,
    });
    expect(config.identityProtocol).toBe('slsx');
    expect(config.identityClient).toEqual({
      clientId: 'bb2api',
      clientSecret: 'bb2-secret',
      redirectUri: 'http://127.0.0.1:8000/mymedicare/sls-callback',
    });
    expect(config.apps.map((app) => [app.name, app.port])).toEqual([
      ['app-1', 4141],
      ['app-2', 4142],
    ]);
    expect(config.endpoints.authorize).toBe('/v2/o/authorize/');
    expect(config.ports).toEqual({ simulator: 4010, control: 4011, backend: 4020 });
    expect(config.identityProviders).toEqual({ choose: undefined, more: [] });
  });

  it('takes a second identity system, the target client there defaulting to the first one', () => {
    const config = resolveConfig(
      {
        ...blueButtonProfile({
          target: { url: 'http://127.0.0.1:8000' },
          apps: APPS,
          mbiHash: MBI_HASH,
        }),
        identityProviders: {
          choose: '#sign-in-medicare',
          more: [{ port: 4012, choose: '#sign-in-login-gov' }],
        },
      },
      'c.ts',
    );

    expect(config.identityProviders).toEqual({
      choose: '#sign-in-medicare',
      more: [
        {
          port: 4012,
          controlPort: 0,
          choose: '#sign-in-login-gov',
          identityClient: {
            clientId: 'bb2api',
            clientSecret: 'bb2-secret',
            redirectUri: 'http://127.0.0.1:8000/mymedicare/sls-callback',
          },
        },
      ],
    });
  });

  it('names every problem of the identity systems', () => {
    const config = {
      ...blueButtonProfile({
        target: { url: 'http://127.0.0.1:8000' },
        apps: APPS,
        mbiHash: MBI_HASH,
      }),
      identityProviders: { more: [{ port: 0, choose: '', identityClient: { clientId: 'x' } }] },
    };

    expect(() => resolveConfig(config, 'c.ts')).toThrowError(
      [
        'Invalid configuration c.ts:',
        'identityProviders.choose must be a non-empty string (got undefined)',
        'identityProviders.more[0].port must be a fixed port from 1 to 65535 (got 0)',
        "identityProviders.more[0].choose must be a non-empty string (got '')",
        'identityProviders.more[0].identityClient.clientSecret must be a non-empty string (got undefined)',
        'identityProviders.more[0].identityClient.redirectUri must be an http(s) URL (got undefined)',
      ].join('\n'),
    );
  });

  it('reports every problem at once, one a line, each named by its path', () => {
    const mistaken = {
      target: { command: [], healthUrl: 'nowhere' },
      identityProtocol: 'saml',
      identityClient: { clientId: 'x' },
      apps: [APPS[0], { ...APPS[1], redirectUri: 'http://localhost:4142/back' }],
      consent: { form: '', approve: '#ok' },
      mbiHash: { salt: 'xyz', iterations: 0 },
      ports: { simulator: 0, backend: 70_000 },
      colour: 'blue',
    };

    expect(() => resolveConfig(mistaken, '/p/twinsub.config.ts')).toThrowError(
      [
        'Invalid configuration /p/twinsub.config.ts:',
        'config.colour must be absent: known fields are target, identityProtocol, ' +
          "identityClient, apps, endpoints, scopes, consent, mbiHash, ports, identityProviders (got 'blue')",
        'target.url must be an http(s) URL (got undefined)',
        "target.healthUrl must be an http(s) URL (got 'nowhere')",
        'target.command must be a non-empty list of non-empty strings (got [])',
        "identityProtocol must be one of oidc, slsx (got 'saml')",
        'identityClient.clientSecret must be a non-empty string (got undefined)',
        'identityClient.redirectUri must be an http(s) URL (got undefined)',
        'apps[1].redirectUri must be http://127.0.0.1:<port>/callback, where twinsub plays ' +
          "the app (got 'http://localhost:4142/back')",
        "consent.form must be a non-empty string (got '')",
        "mbiHash.salt must be a non-empty even-length hex string (got 'xyz')",
        'mbiHash.iterations must be a positive integer (got 0)',
        'ports.simulator must be a fixed port from 1 to 65535 (got 0)',
        'ports.backend must be a fixed port from 1 to 65535 (got 70000)',
      ].join('\n'),
    );
  });

  it('refuses a configuration with fewer than two apps', () => {
    const config = {
      ...blueButtonProfile({
        target: { url: 'http://127.0.0.1:8000' },
        apps: [APPS[0]!],
        mbiHash: MBI_HASH,
      }),
    };

    expect(() => resolveConfig(config, 'c.ts')).toThrowError(
      'apps must be a list of at least two registered apps',
    );
  });
});
