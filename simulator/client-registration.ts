import { InputProblems } from './input-problems.ts';

/** A relying party of the simulator, in OAuth 2.0 Dynamic Client Registration (RFC 7591) names. */
export interface ClientRegistration {
  client_id: string;
  /** Required unless `token_endpoint_auth_method` is `none`. */
  client_secret?: string;
  redirect_uris: string[];
  post_logout_redirect_uris?: string[];
  /** Default `client_secret_basic` (RFC 7591 section 2). */
  token_endpoint_auth_method?: 'client_secret_basic' | 'client_secret_post' | 'none';
}

const FIELDS = [
  'client_id',
  'client_secret',
  'redirect_uris',
  'post_logout_redirect_uris',
  'token_endpoint_auth_method',
] as const;
const AUTH_METHODS = ['client_secret_basic', 'client_secret_post', 'none'];

/** Checks a registration field by field; throws one `INVALID_REQUEST` naming every problem. */
export function parseClientRegistration(value: unknown, path: string): ClientRegistration {
  const problems = new InputProblems();
  if (!problems.requireObject(value, path)) problems.throwIfAny();
  const input = value as Record<string, unknown>;
  problems.rejectUnknown(input, path, FIELDS);

  const nonEmpty = (field: unknown) => typeof field === 'string' && field !== '';
  problems.require(
    nonEmpty(input.client_id),
    `${path}.client_id`,
    'a non-empty string',
    input.client_id,
  );
  const method = input.token_endpoint_auth_method ?? 'client_secret_basic';
  problems.require(
    typeof method === 'string' && AUTH_METHODS.includes(method),
    `${path}.token_endpoint_auth_method`,
    `one of ${AUTH_METHODS.join(', ')}`,
    method,
  );
  if (method !== 'none') {
    problems.require(
      nonEmpty(input.client_secret),
      `${path}.client_secret`,
      'a non-empty string unless token_endpoint_auth_method is none',
      input.client_secret,
    );
  }
  requireUrls(problems, input.redirect_uris, `${path}.redirect_uris`, true);
  if (input.post_logout_redirect_uris !== undefined) {
    requireUrls(
      problems,
      input.post_logout_redirect_uris,
      `${path}.post_logout_redirect_uris`,
      false,
    );
  }

  problems.throwIfAny();
  return structuredClone(input) as unknown as ClientRegistration;
}

function requireUrls(problems: InputProblems, value: unknown, path: string, required: boolean) {
  const ok =
    Array.isArray(value) &&
    (!required || value.length > 0) &&
    value.every((uri) => typeof uri === 'string' && URL.canParse(uri));
  const constraint = required ? 'a non-empty array of absolute URLs' : 'an array of absolute URLs';
  problems.require(ok, path, constraint, value);
}
