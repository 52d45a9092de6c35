import { randomBytes } from 'node:crypto';
import type OAuth2Server from '@node-oauth/oauth2-server';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import session from 'express-session';
import { logger } from '../core/log.ts';
import { authorizeRoutes } from './authorize-routes.ts';
import type { Database } from './database.ts';
import type { IdentityClient } from './identity-client.ts';
import { renderErrorPage } from './error-page.ts';
import { fhirRoutes } from './fhir-routes.ts';
import { identityCallbackRoute } from './identity-callback-route.ts';
import type { TargetOAuthModel } from './oauth-model.ts';
import { hashMbi } from './hash-mbi.ts';
import type { PatientMatch } from './patient-lookup.ts';
import type { ResolvedTargetOptions } from './reference-target-options.ts';
import { SESSION_COOKIE } from './session-data.ts';
import { tokenRoutes } from './token-routes.ts';
import { UserStore } from './user-store.ts';
import { userinfoRoute } from './userinfo-route.ts';

const log = logger('target');

/** Everything the target's routes need; tests pass stand-ins for the identity system. */
export interface TargetAppContext {
  db: Database;
  oauth: OAuth2Server;
  model: TargetOAuthModel;
  identity: Pick<IdentityClient, 'startLogin' | 'finishLogin'>;
  options: ResolvedTargetOptions;
  /** The target's own base URL, without a trailing slash. */
  baseUrl: string;
  identityRedirectUri: string;
  findPatient(mbiHash: string): Promise<PatientMatch>;
}

/** The target's HTTP surface (DOMAIN.md section 5) as an Express app. */
export function buildTargetApp(context: TargetAppContext): Express {
  const { db, oauth, model, options } = context;
  const users = new UserStore(db, {
    caseInsensitive: options.defect === 'case-insensitive-column',
  });
  const { identity } = context;
  const baseUrl = () => context.baseUrl;
  const app = express();

  app.disable('x-powered-by');
  app.use(express.urlencoded({ extended: false }));
  app.use(
    session({
      name: SESSION_COOKIE,
      // Named explicitly: the default store warns on stderr under NODE_ENV=production. Sessions
      // only span one login and consent, so memory is enough.
      store: new session.MemoryStore(),
      secret: randomBytes(32).toString('hex'),
      resave: false,
      saveUninitialized: false,
      cookie: { httpOnly: true, sameSite: 'lax', path: '/' },
    }),
  );
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use(
    authorizeRoutes({
      oauth,
      apps: options.apps,
      users,
      identity,
      identityRedirectUri: context.identityRedirectUri,
    }),
  );
  app.use(
    identityCallbackRoute({
      identity,
      baseUrl,
      defect: options.defect,
      users,
      hashMbi: (mbi) => hashMbi(mbi, options.mbiHash),
      findPatient: context.findPatient,
    }),
  );
  app.use(tokenRoutes(oauth, model));
  app.use(userinfoRoute(oauth, users));
  app.use(
    fhirRoutes({
      oauth,
      backendUrl: options.backendUrl,
      baseUrl,
      cacheKeyOf:
        options.defect === 'response-cache-prefix-8'
          ? async (userId) => (await users.findById(userId))?.subject.slice(0, 8) ?? ''
          : undefined,
    }),
  );
  app.use((_req: Request, res: Response) => {
    res.status(404).json({ error: 'not_found', error_description: 'No such endpoint' });
  });
  // Without this Express prints the stack trace; library code only logs.
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    log('%s %s failed: %O', req.method, req.path, error);
    if (res.headersSent) return;
    res.status(500).type('html').send(renderErrorPage('Server error', 'Something went wrong.'));
  });
  return app;
}
