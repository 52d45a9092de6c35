import { describe, expect, it } from 'vitest';
import { DEFECTS } from './user-key.ts';
import { resolveTargetOptions, type ReferenceTargetOptions } from './reference-target-options.ts';
import { TEST_APPS } from './test-kit.ts';

const valid: ReferenceTargetOptions = {
  issuer: 'http://127.0.0.1:4000/',
  identityClient: { clientId: 'bb2', clientSecret: 'bb2-secret' },
  backendUrl: 'http://127.0.0.1:4100/',
  mbiHash: { salt: '6E6F747468657265616C706570706572', iterations: 2 },
  apps: TEST_APPS,
};

describe('resolveTargetOptions', () => {
  it('fills in the defaults and trims trailing slashes', () => {
    const resolved = resolveTargetOptions(valid);

    expect(resolved).toMatchObject({
      issuer: 'http://127.0.0.1:4000',
      backendUrl: 'http://127.0.0.1:4100',
      defect: 'none',
      databaseUrl: undefined,
      host: '127.0.0.1',
      port: 0,
    });
  });

  it('reports every problem at once, each naming its option', () => {
    const options = {
      ...valid,
      defect: 'x',
      port: 70_000,
      mbiHash: { salt: '', iterations: 0 },
      apps: [{ ...TEST_APPS[0], redirectUris: ['not a url'] }, TEST_APPS[0]],
    } as unknown as ReferenceTargetOptions;

    expect(() => resolveTargetOptions(options)).toThrowError(
      'Invalid reference target options: ' +
        "mbiHash.salt must be a non-empty even-length hex string (got ''); " +
        'mbiHash.iterations must be a positive integer (got 0); ' +
        `defect must be one of ${DEFECTS.join(', ')} (got 'x'); ` +
        'port must be an integer from 0 to 65535 (got 70000); ' +
        "apps[0].redirectUris[0] must be an http(s) URL (got 'not a url'); " +
        "apps[1].clientId must be unique (got 'app-1' twice)",
    );
  });

  it('lists every trusted issuer, the first one first, each named by its host unless named', () => {
    const resolved = resolveTargetOptions({
      ...valid,
      moreIssuers: [
        {
          issuer: 'http://127.0.0.1:4002/',
          name: 'Login.gov',
          identityClient: { clientId: 'bb2', clientSecret: 's2' },
        },
      ],
    });

    expect(resolved.issuers).toEqual([
      {
        issuer: 'http://127.0.0.1:4000',
        name: '127.0.0.1:4000',
        identityClient: { clientId: 'bb2', clientSecret: 'bb2-secret' },
      },
      {
        issuer: 'http://127.0.0.1:4002',
        name: 'Login.gov',
        identityClient: { clientId: 'bb2', clientSecret: 's2' },
      },
    ]);
  });

  it('names every problem of a further issuer', () => {
    const options = {
      ...valid,
      moreIssuers: [{ issuer: 'nowhere', identityClient: { clientId: '' } }],
    } as unknown as ReferenceTargetOptions;

    expect(() => resolveTargetOptions(options)).toThrowError(
      'Invalid reference target options: ' +
        "moreIssuers[0].issuer must be an http(s) URL (got 'nowhere'); " +
        "moreIssuers[0].identityClient.clientId must be a non-empty string (got ''); " +
        'moreIssuers[0].identityClient.clientSecret must be a non-empty string (got nothing)',
    );
  });

  it('refuses a databaseUrl that is not PostgreSQL', () => {
    expect(() => resolveTargetOptions({ ...valid, databaseUrl: 'mysql://db' })).toThrowError(
      "databaseUrl must be a postgres:// or postgresql:// URL (got 'mysql://db')",
    );
  });
});
