import 'express-session';
import type { AuthorizationRequest } from './authorization-request.ts';
import type { IdentityChecks } from './identity-client.ts';

declare module 'express-session' {
  interface SessionData {
    /** The app's authorization request waiting for the beneficiary to log in. */
    pendingAuthorization: AuthorizationRequest;
    /** State, nonce and PKCE verifier of the login in progress at the identity system. */
    identityChecks: IdentityChecks;
    /** Which of the trusted identity systems that login went to (index, first one 0). */
    identityProvider: number;
    /** The local user logged in in this browser, until the consent decision. */
    userId: number;
  }
}

/** The session cookie's name: unique, because every twinsub server shares 127.0.0.1's cookies. */
export const SESSION_COOKIE = 'twinsub_target_session';
