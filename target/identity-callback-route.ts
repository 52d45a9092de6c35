import { Router, type Request } from 'express';
import { logger } from '../core/log.ts';
import { AUTHORIZE_PATH } from './authorize-routes.ts';
import {
  LoginRefused,
  loginBeneficiary,
  type BeneficiaryLoginContext,
} from './beneficiary-login.ts';
import { renderErrorPage } from './error-page.ts';
import type { IdentitySystem } from './identity-system.ts';
import './session-data.ts';

const log = logger('target:identity');

/** Where the identity system returns the browser, named after BB2.0's own callback. */
export const IDENTITY_CALLBACK_PATH = '/mymedicare/sls-callback';

export interface IdentityCallbackContext extends BeneficiaryLoginContext {
  /** Every identity system the target trusts, in the sign-in page's order. */
  identities: IdentitySystem[];
  /** The target's own base URL, to rebuild the exact callback URL the identity system used. */
  baseUrl(): string;
}

/**
 * The identity callback: finishes the OpenID Connect login, maps the identity to a local user
 * (`loginBeneficiary`), and returns the browser to the app's pending authorization request,
 * which now shows the consent page.
 */
export function identityCallbackRoute(context: IdentityCallbackContext): Router {
  const router = Router();

  router.get(IDENTITY_CALLBACK_PATH, async (req, res) => {
    const { identityChecks: checks, pendingAuthorization: pending } = req.session;
    // The login returns from the identity system it was sent to, and is finished there.
    const identity = context.identities[req.session.identityProvider ?? 0];
    if (!checks || !pending || !identity) {
      return res
        .status(400)
        .type('html')
        .send(renderErrorPage('Login failed', 'This login has no pending authorization.'));
    }
    delete req.session.identityChecks;
    delete req.session.identityProvider;

    let userId: number;
    try {
      const callbackUrl = new URL(req.originalUrl, context.baseUrl());
      const verified = await identity.finishLogin(callbackUrl, checks);
      userId = (await loginBeneficiary(verified, context)).id;
    } catch (error) {
      if (error instanceof LoginRefused) {
        log('login refused: %s', error.message);
        return res
          .status(error.status)
          .type('html')
          .send(renderErrorPage(error.title, error.message));
      }
      log('login failed: %O', error);
      return res
        .status(500)
        .type('html')
        .send(renderErrorPage('Server error', 'The login could not be completed.'));
    }

    // A new session id at login, so an id fixed before the login is worth nothing after it.
    await regenerate(req);
    req.session.userId = userId;
    req.session.pendingAuthorization = pending;
    res.redirect(302, `${AUTHORIZE_PATH}?${new URLSearchParams({ ...pending }).toString()}`);
  });

  return router;
}

function regenerate(req: Request): Promise<void> {
  return new Promise((resolve, reject) => {
    req.session.regenerate((error: unknown) => (error ? reject(error) : resolve()));
  });
}
