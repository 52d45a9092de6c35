// The slice of oidc-provider 9's API that the simulator uses. The package ships JavaScript only;
// TODO(types): replace with `@types/oidc-provider` once it is a dev dependency of the project.
declare module 'oidc-provider' {
  import type { EventEmitter } from 'node:events';
  import type { IncomingMessage, ServerResponse } from 'node:http';

  export type UnknownObject = Record<string, unknown>;

  export interface ClientMetadata {
    client_id: string;
    client_secret?: string;
    redirect_uris?: string[];
    post_logout_redirect_uris?: string[];
    grant_types?: string[];
    response_types?: string[];
    token_endpoint_auth_method?: string;
    [key: string]: unknown;
  }

  export interface Client {
    readonly clientId: string;
    readonly redirectUris?: string[];
  }

  export interface Session {
    accountId?: string;
    grantIdFor(clientId: string, value?: string): string | undefined;
  }

  export interface Grant {
    readonly jti: string;
    accountId?: string;
    clientId?: string;
    getOIDCScope(): string;
    addOIDCScope(scope: string | string[] | Set<string>): void;
    getOIDCClaims(): string[];
    addOIDCClaims(claims: string[] | Set<string>): void;
    save(ttl?: number): Promise<string>;
  }

  export interface GrantConstructor {
    new (properties: { accountId?: string; clientId?: string }): Grant;
    find(id: string): Promise<Grant | undefined>;
  }

  /** The token models' fields the simulator reads (AccessToken, AuthorizationCode). */
  export interface IssuedToken {
    readonly jti: string;
    readonly accountId?: string;
    readonly clientId?: string;
    readonly scope?: string;
    readonly grantId?: string;
  }

  export interface OIDCContext {
    readonly provider: Provider;
    readonly route?: string;
    readonly client?: Client;
    readonly session?: Session;
    readonly result?: { consent?: { grantId?: string } };
    readonly requestParamOIDCScopes: Set<string>;
    readonly requestParamClaims: Set<string>;
    readonly entities: { AccessToken?: IssuedToken };
  }

  /** Koa's context as middleware sees it: `oidc` is absent off oidc-provider's routes (a 404). */
  export interface KoaContext {
    oidc?: OIDCContext;
    status: number;
    body: unknown;
    type: string;
    host: string;
    method: string;
    path: string;
  }

  /** The context oidc-provider passes to its hooks and events. */
  export interface KoaContextWithOIDC extends KoaContext {
    oidc: OIDCContext;
  }

  export type Middleware = (ctx: KoaContext, next: () => Promise<void>) => Promise<void>;

  export interface Account {
    accountId: string;
    claims(use: string, scope: string): Promise<UnknownObject> | UnknownObject;
  }

  export interface Interaction {
    readonly uid: string;
    readonly prompt: { name: string; details: UnknownObject };
    readonly params: UnknownObject & { client_id?: string; scope?: string };
    readonly grantId?: string;
    readonly session?: { accountId?: string };
  }

  export interface InteractionResults {
    login?: { accountId: string; remember?: boolean };
    consent?: { grantId?: string };
    [key: string]: unknown;
  }

  export interface AdapterPayload extends UnknownObject {
    uid?: string;
    grantId?: string;
    userCode?: string;
    consumed?: number;
  }

  export interface Adapter {
    upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void>;
    find(id: string): Promise<AdapterPayload | undefined>;
    findByUserCode(userCode: string): Promise<AdapterPayload | undefined>;
    findByUid(uid: string): Promise<AdapterPayload | undefined>;
    consume(id: string): Promise<void>;
    destroy(id: string): Promise<void>;
    revokeByGrantId(grantId: string): Promise<void>;
  }

  export interface JsonWebKeySet {
    keys: UnknownObject[];
  }

  /** Configuration keys are documented in oidc-provider's docs/README.md; only used ones here. */
  export interface Configuration {
    adapter?: (model: string) => Adapter;
    claims?: Record<string, string[] | null>;
    clientBasedCORS?: (ctx: KoaContextWithOIDC, origin: string, client: Client) => boolean;
    clientDefaults?: Partial<ClientMetadata>;
    cookies?: { keys?: string[] };
    features?: Record<string, UnknownObject>;
    findAccount?: (
      ctx: KoaContextWithOIDC,
      sub: string,
      token?: unknown,
    ) => Promise<Account | undefined>;
    interactions?: { url?: (ctx: KoaContextWithOIDC, interaction: Interaction) => string };
    jwks?: JsonWebKeySet;
    loadExistingGrant?: (ctx: KoaContextWithOIDC) => Promise<Grant | undefined>;
    pkce?: { required?: (ctx: KoaContextWithOIDC, client: Client) => boolean };
    renderError?: (ctx: KoaContextWithOIDC, out: UnknownObject, error: Error) => Promise<void>;
    responseTypes?: string[];
    scopes?: string[];
    ttl?: Record<string, number>;
  }

  export class Provider extends EventEmitter {
    constructor(issuer: string, configuration?: Configuration);
    readonly issuer: string;
    readonly Grant: GrantConstructor;
    readonly Client: { validate(metadata: ClientMetadata): Promise<void> };
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    use(middleware: Middleware): this;
    interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
    interactionFinished(
      req: IncomingMessage,
      res: ServerResponse,
      result: InteractionResults,
      options?: { mergeWithLastSubmission?: boolean },
    ): Promise<void>;
  }

  export default Provider;
}
