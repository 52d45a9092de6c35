import OAuth2Server from '@node-oauth/oauth2-server';
import type { Request as ExpressRequest, Response as ExpressResponse } from 'express';

/** The OAuth library's request view of an Express request, with `body` replaced if given. */
export function toOAuthRequest(req: ExpressRequest, body?: Record<string, unknown>) {
  return new OAuth2Server.Request({
    headers: req.headers as Record<string, string>,
    method: req.method,
    query: (req.query ?? {}) as Record<string, string>,
    body: body ?? req.body ?? {},
  });
}

/** Copies what the OAuth library put into its response object onto the Express response. */
export function sendOAuthResponse(res: ExpressResponse, response: OAuth2Server.Response): void {
  for (const [name, value] of Object.entries(response.headers ?? {})) res.set(name, value);
  const location = response.get('location') as string | undefined;
  if (location) {
    res.redirect(302, location);
    return;
  }
  res.status(response.status ?? 200).json(response.body ?? {});
}

/** An RFC 6749 section 5.2 error body, for errors the library did not answer itself. */
export function sendOAuthError(res: ExpressResponse, error: unknown): void {
  if (error instanceof OAuth2Server.OAuthError) {
    res.status(error.code).json({ error: error.name, error_description: error.message });
    return;
  }
  res.status(500).json({ error: 'server_error', error_description: 'Internal server error' });
}
