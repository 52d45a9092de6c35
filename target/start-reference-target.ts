import type { RequestListener } from 'node:http';
import { listen } from '../core/listen.ts';
import { logger } from '../core/log.ts';
import { openDatabase, type Database } from './database.ts';
import { identitySystemsFor } from './identity-system.ts';
import { IDENTITY_CALLBACK_PATH } from './identity-callback-route.ts';
import { createOAuthModel } from './oauth-model.ts';
import { createOAuthServer } from './oauth-server.ts';
import { findPatientByMbiHash } from './patient-lookup.ts';
import { resolveTargetOptions, type ReferenceTargetOptions } from './reference-target-options.ts';
import { registerApps } from './register-apps.ts';
import { createSchema } from './schema.ts';
import { buildTargetApp } from './target-app.ts';

const log = logger('target');

/** A reference target that is listening. */
export interface StartedReferenceTarget extends AsyncDisposable {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  readonly url: string;
  /** The identity callback URL, to register at the identity system before any login. */
  readonly identityRedirectUri: string;
  stop(): Promise<void>;
}

/**
 * Starts the system under test: a server shaped like Blue Button 2.0 (DOMAIN.md section 5) that
 * logs beneficiaries in through the identity system, keeps users, crosswalks, grants and tokens
 * in SQL, and serves each token's patient's data from the data backend. `defect` chooses how a
 * federated identity becomes a local user (`user-key.ts`).
 */
export async function startReferenceTarget(
  options: ReferenceTargetOptions,
): Promise<StartedReferenceTarget> {
  const resolved = resolveTargetOptions(options);

  // Listen first: the identity callback URL contains the port, the caller registers it at the
  // identity system before any login, and a taken port fails before the slow database start.
  // Nobody knows the URL before this function returns, so no request meets the placeholder.
  let app: RequestListener = (_req, res) => res.writeHead(503).end();
  const server = await listen((req, res) => app(req, res), {
    host: resolved.host,
    port: resolved.port,
  });

  let db: Database;
  try {
    db = await openDatabase(resolved.databaseUrl);
  } catch (error) {
    await server.stop();
    throw error;
  }
  try {
    await createSchema(db, {
      caseInsensitiveUsernames: resolved.defect === 'case-insensitive-column',
    });
    await registerApps(db, resolved.apps);
  } catch (error) {
    await server.stop();
    await db.close();
    throw error;
  }

  const model = createOAuthModel(db, {
    shareTokensAcrossApps: resolved.defect === 'shared-token-across-apps',
  });
  const oauth = createOAuthServer(model);
  const [identity, ...moreIdentities] = identitySystemsFor(resolved).map((one) => one.system);
  const identityRedirectUri = `${server.url}${IDENTITY_CALLBACK_PATH}`;
  app = buildTargetApp({
    db,
    oauth,
    model,
    identity: identity!,
    moreIdentities,
    options: resolved,
    baseUrl: server.url,
    identityRedirectUri,
    findPatient: (mbiHash) => findPatientByMbiHash(resolved.backendUrl, mbiHash),
  });
  log('listening at %s (defect %s, database %s)', server.url, resolved.defect, db.kind);

  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      await server.stop();
      await db.close();
      log('stopped %s', server.url);
    })();
    return stopped;
  };

  return {
    url: server.url,
    identityRedirectUri,
    stop,
    [Symbol.asyncDispose]: stop,
  };
}
