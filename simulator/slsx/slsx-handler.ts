import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ClientMetadata } from 'oidc-provider';
import type { Clock } from '../../core/clock.ts';
import { logger } from '../../core/log.ts';
import type { AccountStore } from '../account-store.ts';
import type { IssuanceKind, IssuanceLog } from '../issuance-log.ts';
import { htmlEscape } from '../html-escape.ts';
import { loginPage } from '../login-page.ts';
import { PAGE_SECURITY_POLICY, plainPage } from '../plain-page.ts';
import { readBody } from '../read-body.ts';
import { SLSX_PATHS } from './slsx-paths.ts';
import type { SlsxSessions } from './slsx-sessions.ts';

const log = logger('simulator:slsx');

export interface SlsxContext {
  accounts: AccountStore;
  issuances: IssuanceLog;
  sessions: SlsxSessions;
  clock: Clock;
  /** A registered client, the same registry OpenID Connect clients live in. */
  findClient(clientId: string): Promise<ClientMetadata | undefined>;
}

/**
 * The SLSx protocol as Blue Button 2.0 used it (DOMAIN.md section 6): a login page that returns
 * the browser with `req_token` and `relay`, then three JSON calls. Accounts and the issuance log
 * are the simulator's own, so the ground truth covers both protocols: the request token is
 * recorded as an `authorization_code`, the auth token as an `access_token`, and each user answer
 * as `userinfo`.
 */
export function slsxHandler(context: SlsxContext) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://simulator');
    const path = url.pathname;

    if (path === SLSX_PATHS.health) return sendJson(res, 200, { message: "all's well" });
    if (path === SLSX_PATHS.login) return login(context, req, res, url);
    if (path === SLSX_PATHS.session && req.method === 'POST') return session(context, req, res);
    if (path === SLSX_PATHS.signout) return signout(context, req, res, url);
    if (path.startsWith(SLSX_PATHS.users) && req.method === 'GET') {
      return user(context, req, res, decodeURIComponent(path.slice(SLSX_PATHS.users.length)));
    }
    sendJson(res, 405, { error: `${req.method} is not allowed on ${path}` });
  };
}

async function login(
  context: SlsxContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const clientId = url.searchParams.get('client_id') ?? '';
  const redirectUri = url.searchParams.get('redirect_uri') ?? '';
  const relay = url.searchParams.get('relay') ?? '';
  const client = await context.findClient(clientId);
  // Never send a browser (and its request token) to a callback the client did not register.
  if (!client || !(client.redirect_uris ?? []).includes(redirectUri) || relay === '') {
    return sendHtml(res, 400, badLogin(clientId, redirectUri, relay));
  }

  const view = { action: `${url.pathname}${url.search}`, clientId };
  if (req.method === 'GET') return sendHtml(res, 200, loginPage(view));
  if (req.method !== 'POST') return void res.writeHead(405, { allow: 'GET, POST' }).end();

  const form = new URLSearchParams(await readBody(req));
  const username = form.get('username') ?? '';
  const account = context.accounts.byUsername(username);
  if (account === undefined || account.password !== (form.get('password') ?? '')) {
    log('client %s: wrong credentials for username %o', clientId, username);
    const error = 'Wrong username or password.';
    return sendHtml(res, 200, loginPage({ ...view, username, error }));
  }

  const requestToken = context.sessions.issueRequestToken({ sub: account.sub, clientId });
  record(context, 'authorization_code', account.sub, clientId);
  const back = new URL(redirectUri);
  back.searchParams.set('req_token', requestToken);
  back.searchParams.set('relay', relay);
  log('client %s: %s logged in as user %s', clientId, username, account.sub);
  res.writeHead(302, { location: back.href, 'cache-control': 'no-store' }).end();
}

/** `POST /sso/session`: basic client authentication and the same credentials in the body. */
async function session(
  context: SlsxContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const basic = basicCredentials(req.headers.authorization);
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(await readBody(req)) as Record<string, unknown>;
  } catch {
    return sendJson(res, 400, { error: 'the body must be JSON' });
  }
  const client = basic === undefined ? undefined : await context.findClient(basic.clientId);
  const authenticated =
    basic !== undefined &&
    client?.client_secret === basic.clientSecret &&
    body.client_id === basic.clientId &&
    body.client_secret === basic.clientSecret;
  if (!authenticated) return sendJson(res, 401, { error: 'client authentication failed' });

  const grant =
    typeof body.request_token === 'string'
      ? context.sessions.redeemRequestToken(body.request_token)
      : undefined;
  if (!grant || grant.clientId !== client?.client_id) {
    return sendJson(res, 403, { error: 'request_token is unknown, used or not this client’s' });
  }

  const authToken = context.sessions.issueAuthToken(grant);
  record(context, 'access_token', grant.sub, grant.clientId);
  sendJson(res, 200, { auth_token: authToken, user_id: grant.sub, session_id: authToken });
}

/** `GET /v1/users/<id>`: only with a live auth token, and only that token's own user. */
function user(context: SlsxContext, req: IncomingMessage, res: ServerResponse, id: string): void {
  const grant = context.sessions.authToken(bearer(req.headers.authorization));
  if (!grant || grant.sub !== id) return sendJson(res, 403, { error: 'forbidden' });
  const found = context.accounts.bySub(id);
  if (!found) return sendJson(res, 404, { error: 'no such user' });
  // An account with `userinfoOf` is answered for that other account, `id` included.
  const account = context.accounts.userinfoAccount(found);

  const answer = {
    id: account.sub,
    // The simulator's accounts carry no HICN: the MBI replaced it (DOMAIN.md section 7).
    hicn: null,
    mbi: account.profile.mbi ?? null,
    firstName: account.profile.given_name ?? null,
    lastName: account.profile.family_name ?? null,
    email: account.profile.email ?? null,
  };
  record(context, 'userinfo', account.sub, grant.clientId, answer);
  sendJson(res, 200, { data: { user: answer } });
}

/** `GET /sso/signout`: ends the auth token's session and answers a redirect (302). */
function signout(context: SlsxContext, req: IncomingMessage, res: ServerResponse, url: URL): void {
  const token = bearer(req.headers.authorization);
  const ended = context.sessions.signOut(token);
  log('sign-out %s', ended ? 'ended a session' : 'found no session');
  const next = url.searchParams.get('redirect_uri') ?? '/';
  res.writeHead(302, { location: next, 'cache-control': 'no-store' }).end();
}

function record(
  context: SlsxContext,
  kind: IssuanceKind,
  sub: string,
  clientId: string,
  claims?: Record<string, unknown>,
): void {
  const at = context.clock.now();
  context.issuances.record({ kind, sub, clientId, scopes: [], at, ...(claims && { claims }) });
}

function basicCredentials(
  header: string | undefined,
): { clientId: string; clientSecret: string } | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1] as string, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  // RFC 6749 2.3.1: both parts are form-encoded before they are joined.
  const clientId = decodeURIComponent(decoded.slice(0, colon));
  const clientSecret = decodeURIComponent(decoded.slice(colon + 1));
  return { clientId, clientSecret };
}

function bearer(header: string | undefined): string {
  return /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1] ?? '';
}

function badLogin(clientId: string, redirectUri: string, relay: string): string {
  const why =
    relay === ''
      ? 'relay must be a non-empty nonce'
      : `redirect_uri must be registered for client '${clientId}' (got '${redirectUri}')`;
  return plainPage(
    'Sign-in refused',
    `<h1>Sign-in refused</h1>\n<p id="error" role="alert">${htmlEscape(why)}</p>`,
  );
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': PAGE_SECURITY_POLICY,
    'cache-control': 'no-store',
  });
  res.end(html);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
