import OAuth2Server from '@node-oauth/oauth2-server';
import { Router, type Request, type Response } from 'express';
import { logger } from '../core/log.ts';
import { checkAuthorizationRequest, type AuthorizationCheck } from './authorization-request.ts';
import { renderConsentPage } from './consent-page.ts';
import { renderErrorPage } from './error-page.ts';
import type { TrustedIdentitySystem } from './identity-system.ts';
import { sendOAuthError, sendOAuthResponse, toOAuthRequest } from './oauth-response.ts';
import type { OAuthUser } from './oauth-model.ts';
import type { AppRegistration } from './reference-target-options.ts';
import { grantedScopes } from './scopes.ts';
import './session-data.ts';
import { renderSignInPage } from './sign-in-page.ts';
import type { UserStore } from './user-store.ts';

const log = logger('target:authorize');

export const AUTHORIZE_PATH = '/v2/o/authorize/';
/** Where the sign-in page's links start a login at the chosen identity system. */
export const SIGN_IN_PATH = '/mymedicare/login';

export interface AuthorizeRoutesContext {
  oauth: OAuth2Server;
  apps: AppRegistration[];
  users: UserStore;
  /** Every identity system the target trusts, the first one first. */
  identities: TrustedIdentitySystem[];
  /** Where the identity system sends the browser back (registered there by the caller). */
  identityRedirectUri: string;
}

/**
 * `/v2/o/authorize/`: GET checks the app's request, sends a browser without a login to the
 * identity system (or, when the target trusts several, to a sign-in page that offers each), and
 * shows a logged-in one the consent page; POST is the consent decision. `/mymedicare/login`
 * starts a login at the identity system chosen on the sign-in page.
 */
export function authorizeRoutes(context: AuthorizeRoutesContext): Router {
  const router = Router();

  const startLogin = async (req: Request, res: Response, provider: number) => {
    const chosen = context.identities[provider]!;
    const { url, checks } = await chosen.system.startLogin(context.identityRedirectUri);
    req.session.identityChecks = checks;
    req.session.identityProvider = provider;
    log('sending the browser to the identity system %s', chosen.issuer);
    res.redirect(302, url.href);
  };

  router.get(AUTHORIZE_PATH, async (req, res) => {
    const check = checkAuthorizationRequest(req.query as Record<string, unknown>, context.apps);
    if (!check.ok) return refuse(res, check);

    const user = req.session.userId ? await context.users.findById(req.session.userId) : undefined;
    if (!user) {
      // Keep the app's request until the beneficiary comes back from the identity system.
      req.session.pendingAuthorization = check.request;
      if (context.identities.length === 1) return startLogin(req, res, 0);
      const choices = context.identities.map(({ issuer, name }, provider) => ({
        issuer,
        name,
        href: `${SIGN_IN_PATH}?${new URLSearchParams({ provider: String(provider) })}`,
      }));
      return res.type('html').send(renderSignInPage(check.app.name, choices));
    }

    const beneficiaryName = [user.givenName, user.familyName].filter(Boolean).join(' ');
    res
      .type('html')
      .send(
        renderConsentPage({ appName: check.app.name, request: check.request, beneficiaryName }),
      );
  });

  router.get(SIGN_IN_PATH, async (req, res) => {
    const provider = Number(req.query.provider);
    if (!req.session.pendingAuthorization) {
      return res
        .status(400)
        .type('html')
        .send(renderErrorPage('Login failed', 'This login has no pending authorization.'));
    }
    if (!Number.isInteger(provider) || context.identities[provider] === undefined) {
      return res
        .status(400)
        .type('html')
        .send(renderErrorPage('Login failed', 'No such way to sign in.'));
    }
    return startLogin(req, res, provider);
  });

  router.post(AUTHORIZE_PATH, async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const check = checkAuthorizationRequest(body, context.apps);
    if (!check.ok) return refuse(res, check);
    const userId = req.session.userId;
    if (!userId) {
      return res
        .status(401)
        .type('html')
        .send(renderErrorPage('Login required', 'Log in again to approve this app.'));
    }

    const approved = body.allow !== undefined;
    const shareDemographics = body.share_demographic_scopes !== 'False';
    const requested = check.request.scope ? check.request.scope.split(' ') : undefined;
    const scope = grantedScopes(requested, shareDemographics).join(' ');
    // The deny submit has no name, so a denial is a post without `allow`; the library then
    // answers access_denied to the app's redirect URI (RFC 6749 section 4.1.2.1).
    const decision = { ...check.request, scope, ...(approved ? {} : { allowed: 'false' }) };
    const response = new OAuth2Server.Response();
    // One federated login per authorization: a shared browser never carries a beneficiary's
    // login into the next authorization.
    delete req.session.userId;
    delete req.session.pendingAuthorization;
    try {
      await context.oauth.authorize(toOAuthRequest(req, decision), response, {
        authenticateHandler: { handle: (): OAuthUser => ({ id: userId }) },
      });
      log('client %s: user %d approved scope %s', check.app.clientId, userId, scope);
    } catch (error) {
      log('client %s: user %d: %s', check.app.clientId, userId, (error as Error).message);
      // Errors found before the redirect URI was trusted have no redirect: answer directly.
      if (!response.get('location')) return sendOAuthError(res, error);
    }
    sendOAuthResponse(res, response);
  });

  return router;
}

function refuse(res: Response, check: Exclude<AuthorizationCheck, { ok: true }>): void {
  if (!check.redirect) {
    res.status(400).json({ error: check.error, error_description: check.description });
    return;
  }
  const target = new URL(check.request.redirect_uri);
  target.searchParams.set('error', check.error);
  target.searchParams.set('error_description', check.description);
  if (check.request.state) target.searchParams.set('state', check.request.state);
  res.redirect(302, target.href);
}
