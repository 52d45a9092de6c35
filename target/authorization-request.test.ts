import { describe, expect, it } from 'vitest';
import { checkAuthorizationRequest } from './authorization-request.ts';
import { TEST_APPS } from './test-kit.ts';

const valid = {
  client_id: 'app-1',
  redirect_uri: 'http://127.0.0.1:9001/callback',
  response_type: 'code',
  state: 'state-of-16-chars',
  code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
  code_challenge_method: 'S256',
  scope: 'openid patient/Patient.read',
};

describe('checkAuthorizationRequest', () => {
  it('accepts a request with a registered redirect URI, a long state and an S256 challenge', () => {
    const check = checkAuthorizationRequest(valid, TEST_APPS);

    expect(check.ok && check.app.clientId).toBe('app-1');
    expect(check.ok && check.request).toEqual(valid);
  });

  it('answers an unknown client directly instead of redirecting', () => {
    const check = checkAuthorizationRequest({ ...valid, client_id: 'nobody' }, TEST_APPS);

    expect(check).toEqual({
      ok: false,
      redirect: false,
      error: 'invalid_client',
      description: 'client_id is not a registered app',
    });
  });

  it('answers a redirect URI that differs by one character directly', () => {
    const check = checkAuthorizationRequest(
      { ...valid, redirect_uri: 'http://127.0.0.1:9001/callback/' },
      TEST_APPS,
    );

    expect(check.ok === false && [check.redirect, check.error]).toEqual([false, 'invalid_request']);
  });

  it("refuses another app's redirect URI", () => {
    const check = checkAuthorizationRequest(
      { ...valid, redirect_uri: 'http://127.0.0.1:9002/callback' },
      TEST_APPS,
    );

    expect(check.ok).toBe(false);
  });

  it.each([
    [{ state: 'fifteen-chars!!' }, 'invalid_request', 'state must be at least 16 characters'],
    [{ response_type: 'token' }, 'unsupported_response_type', 'response_type must be code'],
    [{ code_challenge: '' }, 'invalid_request', 'code_challenge must be a PKCE S256 challenge'],
    [{ code_challenge_method: 'plain' }, 'invalid_request', 'code_challenge_method must be S256'],
  ])('redirects %o back to the app as %s', (change, error, description) => {
    const check = checkAuthorizationRequest({ ...valid, ...change }, TEST_APPS);

    expect(check.ok === false && check.redirect && [check.error, check.description]).toEqual([
      error,
      description,
    ]);
  });
});
