import { randomBytes } from 'node:crypto';
import type OAuth2Server from '@node-oauth/oauth2-server';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import session from 'express-session';
import { logger } from '../core/log.ts';
import { authorizeRoutes } from './authorize-routes.ts';
import type { Database } from './database.ts';
import type { IdentitySystem, TrustedIdentitySystem } from './identity-system.ts';
import { renderErrorPage } from './error-page.ts';
import { fhirRoutes } from './fhir-routes.ts';
import { identityCallbackRoute } from './identity-callback-route.ts';
import type { TargetOAuthModel } from './oauth-model.ts';
import { hashMbi } from './hash-mbi.ts';
import type { PatientMatch } from './patient-lookup.ts';
import type { ResolvedTargetOptions } from './reference-target-options.ts';
import { SESSION_COOKIE } from './session-data.ts';
import { tokenRoutes } from './token-routes.ts';
import { AllocatedUserIds, UserStore } from './user-store.ts';
import { userinfoRoute } from './userinfo-route.ts';

const log = logger('target');

/** Everything the target's routes need; tests pass stand-ins for the identity system. */
export interface TargetAppContext {
  db: Database;
  oauth: OAuth2Server;
  model: TargetOAuthModel;
  /** The client of `options.issuer`, the first identity system the target trusts. */
  identity: IdentitySystem;
  /** Clients of `options.issuers` after the first, in the same order. */
  moreIdentities?: IdentitySystem[];
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
  const systems = [context.identity, ...(context.moreIdentities ?? [])];
  if (systems.length !== options.issuers.length) {
    throw new Error(
      `${options.issuers.length} identity systems trusted, ${systems.length} clients`,
    );
  }
  const identities: TrustedIdentitySystem[] = options.issuers.map(({ issuer, name }, i) => ({
    issuer,
    name,
    system: systems[i]!,
  }));
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
      identities,
      identityRedirectUri: context.identityRedirectUri,
    }),
  );
  app.use(
    identityCallbackRoute({
      identities: systems,
      baseUrl,
      defect: options.defect,
      users,
      allocatedIds:
        options.defect === 'first-login-race' ? new AllocatedUserIds(db, users) : undefined,
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
