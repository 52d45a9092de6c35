import OAuth2Server from '@node-oauth/oauth2-server';
import { Router, type Request, type Response } from 'express';
import { logger } from '../core/log.ts';
import { clientCredentials } from './client-credentials.ts';
import type { TargetOAuthModel } from './oauth-model.ts';
import { sendOAuthError, sendOAuthResponse, toOAuthRequest } from './oauth-response.ts';

const log = logger('target:token');

export const TOKEN_PATH = '/v2/o/token/';
export const REVOKE_PATH = '/v2/o/revoke_token/';
export const INTROSPECT_PATH = '/v2/o/introspect/';

/**
 * The app-facing token endpoints: token (authorization code with PKCE, refresh) through the OAuth
 * library, revocation (RFC 7009) and introspection (RFC 7662) for the app's own tokens.
 */
export function tokenRoutes(oauth: OAuth2Server, model: TargetOAuthModel): Router {
  const router = Router();

  router.post(TOKEN_PATH, async (req, res) => {
    const response = new OAuth2Server.Response();
    try {
      await oauth.token(toOAuthRequest(req), response);
    } catch (error) {
      log('token request failed: %s', (error as Error).message);
      // The library fills in the RFC 6749 section 5.2 body itself, except for errors it finds
      // before it reads the client (wrong method or content type).
      if (!(response.body as { error?: string } | undefined)?.error) {
        return sendOAuthError(res, error);
      }
    }
    sendOAuthResponse(res, response);
  });

  router.post(REVOKE_PATH, async (req, res) => {
    const clientId = await authenticateClient(req, res, model);
    if (!clientId) return;
    const token = (req.body as Record<string, unknown> | undefined)?.token;
    if (typeof token !== 'string' || token.length === 0) {
      return res
        .status(400)
        .json({ error: 'invalid_request', error_description: 'token is required' });
    }
    const revoked = await model.revokeIssuedToken(token, clientId);
    log('client %s revoked a token: %s', clientId, revoked ? 'done' : 'unknown token');
    // RFC 7009 section 2.2: unknown or already revoked tokens also answer 200.
    res.status(200).end();
  });

  router.post(INTROSPECT_PATH, async (req, res) => {
    const clientId = await authenticateClient(req, res, model);
    if (!clientId) return;
    const token = (req.body as Record<string, unknown> | undefined)?.token;
    if (typeof token !== 'string' || token.length === 0) {
      return res
        .status(400)
        .json({ error: 'invalid_request', error_description: 'token is required' });
    }
    const found = await model.findIssuedToken(token, clientId);
    const expiresAt = found ? found.accessTokenExpiresAt : undefined;
    if (!found || !expiresAt || expiresAt.getTime() <= Date.now()) {
      return res.json({ active: false });
    }
    res.json({
      active: true,
      scope: (found.scope ?? []).join(' '),
      client_id: clientId,
      token_type: 'Bearer',
      exp: Math.floor(expiresAt.getTime() / 1000),
      patient: found.patient,
    });
  });

  return router;
}

/** The authenticated client's id, or undefined after answering `invalid_client`. */
async function authenticateClient(
  req: Request,
  res: Response,
  model: TargetOAuthModel,
): Promise<string | undefined> {
  const credentials = clientCredentials(req);
  const client = credentials ? await model.getClient(credentials.id, credentials.secret) : false;
  if (client) return client.id;
  res.set('WWW-Authenticate', 'Basic realm="twinsub reference target"');
  sendOAuthError(
    res,
    new OAuth2Server.InvalidClientError('Invalid client: client authentication failed', {
      code: 401,
    }),
  );
  return undefined;
}
