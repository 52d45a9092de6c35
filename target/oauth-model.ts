import { createHash, timingSafeEqual } from 'node:crypto';
import type OAuth2Server from '@node-oauth/oauth2-server';
import type { Database } from './database.ts';
import { grantedScopes } from './scopes.ts';

type Client = OAuth2Server.Client;
type Token = OAuth2Server.Token;
type AuthorizationCode = OAuth2Server.AuthorizationCode;

/** What the OAuth library carries as the resource owner: the local user id. */
export interface OAuthUser {
  id: number;
}

/** A token as the resource endpoints see it: with the crosswalk's patient at lookup time. */
export interface PatientToken extends Token {
  patient: string;
}

export type TargetOAuthModel = OAuth2Server.AuthorizationCodeModel &
  OAuth2Server.RefreshTokenModel & {
    getAccessToken(accessToken: string): Promise<PatientToken | false>;
    /** An unrevoked token of `clientId`, given its access or its refresh token (RFC 7662). */
    findIssuedToken(token: string, clientId: string): Promise<PatientToken | false>;
    /** Revokes the pair that `token` (access or refresh) belongs to, if `clientId` holds it. */
    revokeIssuedToken(token: string, clientId: string): Promise<boolean>;
  };

interface AppRow {
  client_id: string;
  client_secret: string;
  redirect_uris: string[];
}

interface CodeRow {
  client_id: string;
  code: string;
  user_id: number;
  redirect_uri: string;
  scope: string;
  code_challenge: string | null;
  code_challenge_method: string | null;
  expires_at: Date | string;
}

interface TokenRow {
  client_id: string;
  access_token: string;
  refresh_token: string | null;
  user_id: number;
  scope: string;
  access_expires_at: Date | string;
  refresh_expires_at: Date | string | null;
  fhir_patient_id: string;
}

// One table, no joins: resource requests look their token up many times per login.
const TOKEN_SELECT = `select t.* from tokens t`;

/**
 * The `@node-oauth/oauth2-server` model over the target's SQL tables: applications, grants,
 * authorization codes and tokens. Every token carries `patient`, the crosswalk's FHIR id for its
 * user, which the library copies into the token response (`allowExtendedTokenAttributes`).
 */
export function createOAuthModel(
  db: Database,
  options: { shareTokensAcrossApps?: boolean } = {},
): TargetOAuthModel {
  return {
    async getClient(clientId: string, clientSecret: string | null | undefined) {
      const rows = await db.query<AppRow>(
        'select client_id, client_secret, redirect_uris from applications where client_id = $1',
        [clientId],
      );
      const app = rows[0];
      if (!app) return false;
      // The authorize endpoint looks the client up with `null`; the token endpoint passes what
      // the client sent. BB2.0 apps are confidential, so PKCE does not replace the secret.
      if (clientSecret !== null && !sameSecret(app.client_secret, clientSecret)) return false;
      return toClient(app);
    },

    async validateScope(_user, _client, scope) {
      const granted = grantedScopes(scope, true);
      return granted.length > 0 ? granted : false;
    },

    async saveAuthorizationCode(code, client, user) {
      const scope = (code.scope ?? []).join(' ');
      await db.query(
        `insert into authorization_codes (code, client_id, user_id, redirect_uri, scope,
          code_challenge, code_challenge_method, expires_at) values ($1,$2,$3,$4,$5,$6,$7,$8)`,
        [
          code.authorizationCode,
          client.id,
          user.id,
          code.redirectUri,
          scope,
          code.codeChallenge ?? null,
          code.codeChallengeMethod ?? null,
          code.expiresAt,
        ],
      );
      // The beneficiary's consent for this app (BB2.0's DataAccessGrant), newest scope wins.
      await db.query(
        `insert into grants (client_id, user_id, scope) values ($1, $2, $3)
          on conflict (client_id, user_id) do update set scope = excluded.scope`,
        [client.id, user.id, scope],
      );
      return { ...code, client, user };
    },

    async getAuthorizationCode(authorizationCode) {
      const rows = await db.query<CodeRow>('select * from authorization_codes where code = $1', [
        authorizationCode,
      ]);
      const row = rows[0];
      if (!row) return false;
      const code: AuthorizationCode = {
        authorizationCode: row.code,
        expiresAt: new Date(row.expires_at),
        redirectUri: row.redirect_uri,
        scope: splitScope(row.scope),
        client: { id: row.client_id, grants: GRANTS },
        user: { id: row.user_id } satisfies OAuthUser,
      };
      if (row.code_challenge) code.codeChallenge = row.code_challenge;
      if (row.code_challenge_method) code.codeChallengeMethod = row.code_challenge_method;
      return code;
    },

    // Deleting is the single use RFC 6749 section 4.1.2 demands: of two concurrent exchanges
    // only one sees a deleted row.
    async revokeAuthorizationCode(code) {
      const rows = await db.query(
        'delete from authorization_codes where code = $1 returning code',
        [code.authorizationCode],
      );
      return rows.length === 1;
    },

    async saveToken(token, client, user) {
      // The `shared-token-across-apps` defect: a user who already holds a live token gets that
      // one again, whichever app asks, so a second app holds the first app's token pair.
      if (options.shareTokensAcrossApps) {
        const held = await db.query<TokenRow>(
          `select * from tokens where user_id = $1 and revoked_at is null
            order by access_expires_at desc limit 1`,
          [user.id],
        );
        if (held[0]) return toToken(held[0]);
      }
      // The token keeps the patient its user's crosswalk named when it was issued: BB2.0's
      // crosswalk never changes afterwards, so this is the patient of every later request too.
      const rows = await db.query<TokenRow>(
        `insert into tokens (access_token, refresh_token, client_id, user_id, scope,
          fhir_patient_id, access_expires_at, refresh_expires_at)
          select $1, $2, $3, $4, $5, c.fhir_patient_id, $6::timestamptz, $7::timestamptz
          from crosswalks c where c.user_id = $4 returning *`,
        [
          token.accessToken,
          token.refreshToken ?? null,
          client.id,
          user.id,
          (token.scope ?? []).join(' '),
          token.accessTokenExpiresAt,
          token.refreshTokenExpiresAt ?? null,
        ],
      );
      if (!rows[0]) throw new Error(`Failed to save a token: user ${user.id} has no crosswalk`);
      return toToken(rows[0]);
    },

    async getAccessToken(accessToken) {
      return findToken(db, 't.access_token = $1 and t.revoked_at is null', accessToken);
    },

    async getRefreshToken(refreshToken) {
      const token = await findToken(
        db,
        't.refresh_token = $1 and t.revoked_at is null',
        refreshToken,
      );
      return token && token.refreshToken ? { ...token, refreshToken: token.refreshToken } : false;
    },

    // Revoking a refresh token also ends its access token: they were issued as one pair.
    async revokeToken(token) {
      const rows = await db.query(
        `update tokens set revoked_at = now() where refresh_token = $1 and revoked_at is null
          returning access_token`,
        [token.refreshToken],
      );
      return rows.length === 1;
    },

    async findIssuedToken(token, clientId) {
      const found = await findToken(
        db,
        '(t.access_token = $1 or t.refresh_token = $1) and t.revoked_at is null',
        token,
      );
      return found && found.client.id === clientId ? found : false;
    },

    // RFC 7009 section 2.1: revoking either token of a pair ends both.
    async revokeIssuedToken(token, clientId) {
      const rows = await db.query(
        `update tokens set revoked_at = now()
          where (access_token = $1 or refresh_token = $1) and client_id = $2
          and revoked_at is null returning access_token`,
        [token, clientId],
      );
      return rows.length > 0;
    },

    async verifyScope(token, scope) {
      const held = token.scope ?? [];
      return scope.every((needed) => held.includes(needed));
    },
  };
}

async function findToken(
  db: Database,
  where: string,
  value: string,
): Promise<PatientToken | false> {
  const rows = await db.query<TokenRow>(`${TOKEN_SELECT} where ${where}`, [value]);
  return rows[0] ? toToken(rows[0]) : false;
}

function toToken(row: TokenRow): PatientToken {
  // Only these fields: with extended attributes on, every other key would reach the app.
  const token: PatientToken = {
    accessToken: row.access_token,
    accessTokenExpiresAt: new Date(row.access_expires_at),
    scope: splitScope(row.scope),
    client: { id: row.client_id, grants: GRANTS },
    user: { id: row.user_id } satisfies OAuthUser,
    patient: row.fhir_patient_id,
  };
  if (row.refresh_token) token.refreshToken = row.refresh_token;
  if (row.refresh_expires_at) token.refreshTokenExpiresAt = new Date(row.refresh_expires_at);
  return token;
}

const GRANTS = ['authorization_code', 'refresh_token'];

function toClient(row: AppRow): Client {
  return { id: row.client_id, redirectUris: row.redirect_uris, grants: GRANTS };
}

function splitScope(scope: string): string[] {
  return scope.split(' ').filter((part) => part.length > 0);
}

/** Compares digests, so neither length nor content leaks through timing. */
function sameSecret(expected: string, given: string | undefined): boolean {
  if (typeof given !== 'string') return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(expected), digest(given));
}
