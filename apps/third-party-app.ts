import type { IncomingMessage, ServerResponse } from 'node:http';
import * as oauth from 'openid-client';
import { listen, type StartedServer } from '../core/listen.ts';
import { logger } from '../core/log.ts';
import { TwinsubError } from '../core/twinsub-error.ts';
import type { AppSession } from './app-session.ts';
import { fetchEverything, fetchIdentity } from './fetch-everything.ts';
import { renderAppPage } from './render-app-page.ts';
import type { TargetEndpoints } from './target-endpoints.ts';

const log = logger('app');

export interface ThirdPartyAppOptions {
  /** Display name, also the key findings use (`app-1`). */
  name: string;
  clientId: string;
  clientSecret: string;
  /** Default `127.0.0.1`. */
  host?: string;
  /** Default 0: any free port. */
  port?: number;
}

/** A third-party app that is listening; `connect()` tells it which target it is registered at. */
export interface StartedThirdPartyApp extends AsyncDisposable {
  readonly name: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly url: string;
  readonly redirectUri: string;
  /** Where a person starts connecting the app user `appUser` to their Medicare data. */
  connectUrl(appUser: string): string;
  connect(endpoints: TargetEndpoints): void;
  session(appUser: string): AppSession | undefined;
  sessions(): AppSession[];
  stop(): Promise<void>;
}

interface PendingAuthorization {
  appUser: string;
  codeVerifier: string;
}

/**
 * Starts a web app that connects its users to a target with the authorization code grant and
 * PKCE (RFC 7636), exchanges the code, refreshes the token once, and fetches everything the token
 * allows. It keeps every answer it received: that record is what the oracle reads.
 */
export async function startThirdPartyApp(
  options: ThirdPartyAppOptions,
): Promise<StartedThirdPartyApp> {
  const sessions = new Map<string, AppSession>();
  const pending = new Map<string, PendingAuthorization>();
  let endpoints: TargetEndpoints | undefined;
  let config: oauth.Configuration | undefined;

  const requireConfig = () => {
    if (!config || !endpoints) {
      throw new TwinsubError('INVALID_OPTION', `app ${options.name} is not connected to a target`);
    }
    return { config, endpoints };
  };

  const startAuthorization = async (url: URL, res: ServerResponse) => {
    const appUser = url.searchParams.get('user');
    if (!appUser) {
      renderAppPage(res, 400, 'Missing user', 'The connect link needs a ?user= parameter.');
      return;
    }
    const { config, endpoints } = requireConfig();
    const codeVerifier = oauth.randomPKCECodeVerifier();
    const state = oauth.randomState();
    pending.set(state, { appUser, codeVerifier });
    sessions.set(appUser, { app: options.name, appUser, state: 'started', responses: [] });
    const authorizeUrl = oauth.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri(),
      scope: endpoints.scopes.join(' '),
      state,
      code_challenge: await oauth.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
    res.writeHead(302, { location: authorizeUrl.href }).end();
  };

  const finishAuthorization = async (url: URL, res: ServerResponse) => {
    const state = url.searchParams.get('state') ?? '';
    const attempt = pending.get(state);
    if (!attempt) {
      renderAppPage(res, 400, 'Unknown state', 'This callback does not match a connection.');
      return;
    }
    pending.delete(state);
    const session = sessions.get(attempt.appUser)!;
    const error = url.searchParams.get('error');
    if (error) {
      session.state = error === 'access_denied' ? 'denied' : 'failed';
      session.error = error;
      renderAppPage(res, 200, 'Not connected', `The target answered ${error}.`);
      return;
    }

    try {
      await exchangeAndFetch(session, url, state, attempt.codeVerifier);
    } catch (cause) {
      session.state = 'failed';
      session.error = cause instanceof Error ? cause.message : String(cause);
      log('%s: connection of %s failed: %s', options.name, attempt.appUser, session.error);
      renderAppPage(res, 502, 'Connection failed', session.error);
      return;
    }
    renderAppPage(
      res,
      200,
      'Connected',
      `Connected to Medicare data of patient ${session.patient}.`,
      {
        'data-patient': session.patient ?? '',
        'data-app-user': attempt.appUser,
      },
    );
  };

  const exchangeAndFetch = async (
    session: AppSession,
    callbackUrl: URL,
    state: string,
    pkceCodeVerifier: string,
  ) => {
    const { config, endpoints } = requireConfig();
    const tokens = await oauth.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier,
      expectedState: state,
    });
    session.responses.push(tokenRecord('token', endpoints.tokenUrl, tokens));
    session.patient = typeof tokens.patient === 'string' ? tokens.patient : undefined;
    session.scope = tokens.scope;
    session.responses.push(
      ...(await fetchEverything(config, tokens.access_token, endpoints, session.patient)),
    );

    if (!tokens.refresh_token) {
      session.state = 'connected';
      return;
    }
    // A refreshed token must still name the same beneficiary (DOMAIN.md section 5): ask who it
    // belongs to and read that patient again, rather than fetching everything twice.
    const refreshed = await oauth.refreshTokenGrant(config, tokens.refresh_token);
    session.responses.push(tokenRecord('refresh', endpoints.tokenUrl, refreshed));
    session.responses.push(
      ...(await fetchIdentity(config, refreshed.access_token, endpoints, session.patient)),
    );
    session.state = 'connected';
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', server.url);
    try {
      if (req.method === 'GET' && url.pathname === '/connect')
        return await startAuthorization(url, res);
      if (req.method === 'GET' && url.pathname === '/callback') {
        return await finishAuthorization(url, res);
      }
      renderAppPage(res, 404, 'Not found', `${url.pathname} is not a page of this app.`);
    } catch (error) {
      log('%s: %s %s failed: %o', options.name, req.method, url.pathname, error);
      renderAppPage(res, 500, 'App error', error instanceof Error ? error.message : String(error));
    }
  };

  const server: StartedServer = await listen((req, res) => void handle(req, res), {
    host: options.host,
    port: options.port,
    portOption: `port of app ${options.name}`,
  });
  const redirectUri = () => `${server.url}/callback`;

  return {
    name: options.name,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    url: server.url,
    redirectUri: redirectUri(),
    connectUrl: (appUser) => `${server.url}/connect?user=${encodeURIComponent(appUser)}`,
    connect(target) {
      endpoints = target;
      config = new oauth.Configuration(
        {
          issuer: target.issuer,
          authorization_endpoint: target.authorizeUrl,
          token_endpoint: target.tokenUrl,
          revocation_endpoint: target.revokeUrl,
          userinfo_endpoint: target.userinfoUrl,
        },
        options.clientId,
        options.clientSecret,
      );
      if (new URL(target.issuer).protocol === 'http:') oauth.allowInsecureRequests(config);
    },
    session: (appUser) => sessions.get(appUser),
    sessions: () => [...sessions.values()],
    stop: server.stop,
    [Symbol.asyncDispose]: server.stop,
  };
}

function tokenRecord(
  purpose: 'token' | 'refresh',
  url: string,
  tokens: oauth.TokenEndpointResponse,
): AppSession['responses'][number] {
  // Tokens themselves are secrets of this run; the oracle needs only what names the beneficiary.
  const { access_token: _a, refresh_token: _r, id_token: _i, ...rest } = tokens;
  return { purpose, method: 'POST', url, status: 200, body: JSON.stringify(rest) };
}
