import type { AppRegistration } from './reference-target-options.ts';

/** The parameters of one app's authorization request, as kept in the session and the form. */
export interface AuthorizationRequest {
  client_id: string;
  redirect_uri: string;
  response_type: string;
  state: string;
  code_challenge: string;
  code_challenge_method: string;
  scope: string;
}

export type AuthorizationCheck =
  | { ok: true; request: AuthorizationRequest; app: AppRegistration }
  /** The redirect URI cannot be trusted: answer the user agent directly (RFC 6749 4.1.2.1). */
  | { ok: false; redirect: false; error: string; description: string }
  /** The redirect URI is registered: send the error back to the app, with its `state`. */
  | {
      ok: false;
      redirect: true;
      error: string;
      description: string;
      request: AuthorizationRequest;
    };

/**
 * Checks an authorization request the way BB2.0 does before anyone logs in: a registered client,
 * a redirect URI registered character for character, `response_type=code`, a `state` of 16 or
 * more characters and a PKCE S256 challenge (RFC 7636). The OAuth library checks again when it
 * issues the code; this check decides whether a login is started at all.
 */
export function checkAuthorizationRequest(
  params: Record<string, unknown>,
  apps: AppRegistration[],
): AuthorizationCheck {
  const value = (name: string) => (typeof params[name] === 'string' ? params[name] : '');
  const request: AuthorizationRequest = {
    client_id: value('client_id'),
    redirect_uri: value('redirect_uri'),
    response_type: value('response_type'),
    state: value('state'),
    code_challenge: value('code_challenge'),
    code_challenge_method: value('code_challenge_method'),
    scope: value('scope'),
  };

  const app = apps.find((candidate) => candidate.clientId === request.client_id);
  if (!app) {
    return refuse(false, 'invalid_client', `client_id is not a registered app`);
  }
  if (!app.redirectUris.includes(request.redirect_uri)) {
    return refuse(false, 'invalid_request', `redirect_uri is not registered for ${app.clientId}`);
  }

  const redirectError = (error: string, description: string): AuthorizationCheck => ({
    ok: false,
    redirect: true,
    error,
    description,
    request,
  });
  if (request.response_type !== 'code') {
    return redirectError('unsupported_response_type', 'response_type must be code');
  }
  if (request.state.length < 16) {
    return redirectError('invalid_request', 'state must be at least 16 characters');
  }
  if (!/^[A-Za-z0-9._~-]{43,128}$/.test(request.code_challenge)) {
    return redirectError('invalid_request', 'code_challenge must be a PKCE S256 challenge');
  }
  if (request.code_challenge_method !== 'S256') {
    return redirectError('invalid_request', 'code_challenge_method must be S256');
  }
  return { ok: true, request, app };
}

function refuse(redirect: false, error: string, description: string): AuthorizationCheck {
  return { ok: false, redirect, error, description };
}
