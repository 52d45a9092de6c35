import { generateKeyPair } from 'node:crypto';
import { promisify } from 'node:util';
import type { JsonWebKeySet } from 'oidc-provider';

const generate = promisify(generateKeyPair);

let cached: Promise<JsonWebKeySet> | undefined;

/**
 * A throw-away RS256 signing key, made once per process (RSA generation costs tens of ms, too much
 * per started simulator). RS256 because it is the default `id_token_signed_response_alg`
 * (OpenID Connect Dynamic Client Registration 1.0 section 2). Not seeded: signatures never decide
 * a scenario's verdict, and a key made here can never be mistaken for a real issuer's.
 */
export function developmentKeys(): Promise<JsonWebKeySet> {
  cached ??= generate('rsa', { modulusLength: 2048 }).then(({ privateKey }) => ({
    keys: [{ ...privateKey.export({ format: 'jwk' }), alg: 'RS256', use: 'sig' }],
  }));
  return cached;
}
