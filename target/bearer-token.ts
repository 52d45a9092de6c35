import OAuth2Server from '@node-oauth/oauth2-server';
import type { Request, Response } from 'express';
import type { PatientToken } from './oauth-model.ts';
import { sendOAuthError, toOAuthRequest } from './oauth-response.ts';

/**
 * The request's bearer token (RFC 6750) if it is valid and holds `scope`; otherwise answers 401
 * or 403 with the error and `WWW-Authenticate` the library chose, and returns undefined.
 */
export async function requireBearerToken(
  oauth: OAuth2Server,
  req: Request,
  res: Response,
  scope?: string,
): Promise<PatientToken | undefined> {
  const response = new OAuth2Server.Response();
  try {
    const options = scope ? { scope: [scope] } : {};
    return (await oauth.authenticate(toOAuthRequest(req), response, options)) as PatientToken;
  } catch (error) {
    const challenge = response.get('www-authenticate') as string | undefined;
    if (challenge) res.set('WWW-Authenticate', challenge);
    sendOAuthError(res, error);
    return undefined;
  }
}
