import type OAuth2Server from '@node-oauth/oauth2-server';
import { Router } from 'express';
import { requireBearerToken } from './bearer-token.ts';
import type { UserStore } from './user-store.ts';

export const USERINFO_PATH = '/v2/connect/userinfo';

/**
 * BB2.0's userinfo: `sub` is the FHIR patient id (not the identity system's subject), with
 * `patient` repeating it; the profile claims come only with the `profile` scope, which a
 * beneficiary withholds by not sharing demographics.
 */
export function userinfoRoute(oauth: OAuth2Server, users: UserStore): Router {
  const router = Router();

  router.get(USERINFO_PATH, async (req, res) => {
    const token = await requireBearerToken(oauth, req, res);
    if (!token) return;
    const user = await users.findById((token.user as { id: number }).id);
    if (!user) {
      return res.status(401).json({ error: 'invalid_token', error_description: 'Unknown user' });
    }

    const claims: Record<string, string> = { sub: token.patient };
    if (token.scope?.includes('profile')) {
      const name = [user.givenName, user.familyName].filter(Boolean).join(' ');
      if (name) claims.name = name;
      if (user.givenName) claims.given_name = user.givenName;
      if (user.familyName) claims.family_name = user.familyName;
      if (user.email) claims.email = user.email;
    }
    claims.patient = token.patient;
    res.json(claims);
  });

  return router;
}
