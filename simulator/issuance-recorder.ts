import type { IssuedToken, KoaContextWithOIDC, Provider } from 'oidc-provider';
import type { Clock } from '../core/clock.ts';
import { logger } from '../core/log.ts';
import type { IssuanceKind, IssuanceLog } from './issuance-log.ts';

const log = logger('simulator:issuance');
const providerLog = logger('simulator:provider');

/**
 * Records every code, access token, ID token and userinfo answer the provider hands out.
 * Codes and access tokens are recorded when stored (`<model>.saved` events); ID tokens when the
 * token endpoint answers (`grant.success`), from the token itself; userinfo answers from the
 * response body, since oidc-provider emits no event for them. Each record carries the simulated
 * time, so the ground truth lines up with account creation times.
 */
export function recordIssuances(provider: Provider, issuances: IssuanceLog, clock: Clock): void {
  const record = (
    kind: IssuanceKind,
    sub: string | undefined,
    clientId: string | undefined,
    scope: string | undefined,
    claims?: Record<string, unknown>,
  ) => {
    if (sub === undefined || clientId === undefined) {
      log('%s without a subject or client is not recorded', kind);
      return;
    }
    const scopes = (scope ?? '').split(' ').filter((s) => s !== '');
    log('%s for sub %s to client %s (%s)', kind, sub, clientId, scopes.join(' '));
    issuances.record({ kind, sub, clientId, scopes, at: clock.now(), ...(claims && { claims }) });
  };

  provider.on('authorization_code.saved', (code: IssuedToken) =>
    record('authorization_code', code.accountId, code.clientId, code.scope),
  );
  provider.on('access_token.saved', (token: IssuedToken) =>
    record('access_token', token.accountId, token.clientId, token.scope),
  );
  provider.on('grant.success', (ctx: KoaContextWithOIDC) => {
    const body = ctx.body as { id_token?: unknown; scope?: string };
    if (typeof body.id_token !== 'string') return;
    const claims = jwtPayload(body.id_token);
    record(
      'id_token',
      stringOrUndefined(claims.sub),
      ctx.oidc.client?.clientId,
      body.scope,
      claims,
    );
  });
  provider.use(async (ctx, next) => {
    await next();
    // `ctx.oidc` exists only on oidc-provider's own routes, not on a 404.
    if (ctx.oidc?.route !== 'userinfo' || ctx.status !== 200) return;
    const claims = ctx.body as Record<string, unknown>;
    const scope = ctx.oidc.entities.AccessToken?.scope;
    record('userinfo', stringOrUndefined(claims.sub), ctx.oidc.client?.clientId, scope, {
      ...claims,
    });
  });

  // Koa prints uncaught middleware errors to stderr unless the app has an error listener.
  provider.on('error', (error: Error, ctx?: KoaContextWithOIDC) =>
    providerLog('uncaught error at %s %s: %O', ctx?.method, ctx?.path, error),
  );
  // Without a listener a server error shows only as a generic error page (STACK.md).
  provider.on('server_error', (ctx: KoaContextWithOIDC, error: Error) =>
    providerLog('server_error at %s %s: %O', ctx.method, ctx.path, error),
  );
  for (const event of ['authorization.error', 'grant.error', 'userinfo.error']) {
    provider.on(event, (ctx: KoaContextWithOIDC, error: Error) =>
      providerLog('%s at %s %s: %s', event, ctx.method, ctx.path, describe(error)),
    );
  }
}

function jwtPayload(jwt: string): Record<string, unknown> {
  const payload = jwt.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function describe(error: Error & { error_description?: string }): string {
  return error.error_description === undefined
    ? error.message
    : `${error.message} (${error.error_description})`;
}
