import { TwinsubError } from '../core/twinsub-error.ts';
import { DEFECTS, isDefect, type Defect } from './user-key.ts';

/** A third-party app registered at the target (BB2.0 calls it an application). */
export interface AppRegistration {
  clientId: string;
  clientSecret: string;
  name: string;
  /** Exact redirect URIs: an authorization request must name one, character for character. */
  redirectUris: string[];
}

/** An identity system the target trusts, as the target is configured for it. */
export interface IssuerOption {
  /** Issuer URL (with `slsx`, its base URL). */
  issuer: string;
  identityClient: { clientId: string; clientSecret: string };
  /** What the sign-in page calls it. Default: the issuer's host. */
  name?: string;
}

/** Protocols the target can speak to the identity system. */
export const IDENTITY_PROTOCOLS = ['oidc', 'slsx'] as const;

export type IdentityProtocol = (typeof IDENTITY_PROTOCOLS)[number];

export interface ReferenceTargetOptions {
  /**
   * The identity system's issuer URL (the simulator's `issuer`); with `slsx`, its base URL,
   * which also stands in for `iss`.
   */
  issuer: string;
  /** OpenID Connect, or the SLSx protocol of DOMAIN.md section 6. Default `oidc`. */
  identityProtocol?: IdentityProtocol;
  /** The target's own client at the identity system. */
  identityClient: { clientId: string; clientSecret: string };
  /** What the sign-in page calls `issuer` when the target trusts more than one. Default: its host. */
  issuerName?: string;
  /**
   * Further identity systems the target trusts beside `issuer`, each speaking `identityProtocol`
   * with a client of the target's own. With any, a login starts on a sign-in page where the
   * beneficiary chooses one (`issuer` first), and an identity is the pair (`iss`, `sub`).
   */
  moreIssuers?: IssuerOption[];
  /** Base URL of the FHIR data backend, without `/v2/fhir`. */
  backendUrl: string;
  /**
   * PBKDF2 parameters for the MBI hash the backend is searched by (DOMAIN.md section 7): the salt
   * as hex, and the iteration count.
   */
  mbiHash: { salt: string; iterations: number };
  /** Which mistake to reproduce. Default `none`. */
  defect?: Defect;
  /** PostgreSQL connection string; absent: an in-memory PGlite. */
  databaseUrl?: string;
  apps: AppRegistration[];
  /** Interface to bind. Default `127.0.0.1`. */
  host?: string;
  /** TCP port. Default 0 (any free one). */
  port?: number;
}

/** Options after validation, with every default filled in. */
export interface ResolvedTargetOptions {
  issuer: string;
  identityProtocol: IdentityProtocol;
  identityClient: { clientId: string; clientSecret: string };
  /** Every identity system the target trusts, `issuer` first, each with its name. */
  issuers: Required<IssuerOption>[];
  backendUrl: string;
  mbiHash: { salt: string; iterations: number };
  defect: Defect;
  databaseUrl: string | undefined;
  apps: AppRegistration[];
  host: string;
  port: number;
}

/** Checks every option and reports all problems in one INVALID_OPTION error. */
export function resolveTargetOptions(options: ReferenceTargetOptions): ResolvedTargetOptions {
  const problems: string[] = [];
  const defect = options.defect ?? 'none';
  const identityProtocol = options.identityProtocol ?? 'oidc';
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 0;

  checkUrl(problems, 'issuer', options.issuer);
  checkUrl(problems, 'backendUrl', options.backendUrl);
  checkText(problems, 'identityClient.clientId', options.identityClient?.clientId);
  checkText(problems, 'identityClient.clientSecret', options.identityClient?.clientSecret);
  if (options.issuerName !== undefined) checkText(problems, 'issuerName', options.issuerName);
  checkMoreIssuers(problems, options.moreIssuers);
  const salt = options.mbiHash?.salt;
  // BB2.0 hex-decodes its salt setting before hashing (fixtures/mbi-hash.ts does the same).
  if (typeof salt !== 'string' || !/^(?:[0-9a-fA-F]{2})+$/.test(salt)) {
    problems.push(`mbiHash.salt must be a non-empty even-length hex string (got ${show(salt)})`);
  }
  const iterations = options.mbiHash?.iterations;
  if (!Number.isInteger(iterations) || (iterations as number) < 1) {
    problems.push(`mbiHash.iterations must be a positive integer (got ${show(iterations)})`);
  }
  if (!(IDENTITY_PROTOCOLS as readonly string[]).includes(identityProtocol)) {
    problems.push(
      `identityProtocol must be one of ${IDENTITY_PROTOCOLS.join(', ')} (got ${show(identityProtocol)})`,
    );
  }
  if (!isDefect(defect)) {
    problems.push(`defect must be one of ${DEFECTS.join(', ')} (got ${show(defect)})`);
  }
  if (options.databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(options.databaseUrl)) {
    problems.push(
      `databaseUrl must be a postgres:// or postgresql:// URL (got ${show(options.databaseUrl)})`,
    );
  }
  checkText(problems, 'host', host);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    problems.push(`port must be an integer from 0 to 65535 (got ${show(port)})`);
  }
  checkApps(problems, options.apps);

  if (problems.length > 0) {
    throw new TwinsubError(
      'INVALID_OPTION',
      `Invalid reference target options: ${problems.join('; ')}`,
    );
  }

  const trusted = [
    { issuer: options.issuer, identityClient: options.identityClient, name: options.issuerName },
    ...(options.moreIssuers ?? []),
  ].map((one) => {
    const issuer = one.issuer.replace(/\/$/, '');
    return {
      issuer,
      identityClient: { ...one.identityClient },
      name: one.name ?? new URL(issuer).host,
    };
  });
  return {
    issuer: options.issuer.replace(/\/$/, ''),
    identityProtocol,
    identityClient: { ...options.identityClient },
    issuers: trusted,
    backendUrl: options.backendUrl.replace(/\/+$/, ''),
    mbiHash: { ...options.mbiHash },
    defect,
    databaseUrl: options.databaseUrl,
    apps: options.apps.map((app) => ({ ...app, redirectUris: [...app.redirectUris] })),
    host,
    port,
  };
}

function checkApps(problems: string[], apps: unknown): void {
  if (!Array.isArray(apps) || apps.length === 0) {
    problems.push(`apps must be a non-empty array (got ${show(apps)})`);
    return;
  }
  const seen = new Set<string>();
  apps.forEach((app: Partial<AppRegistration>, index) => {
    const at = `apps[${index}]`;
    checkText(problems, `${at}.clientId`, app?.clientId);
    checkText(problems, `${at}.clientSecret`, app?.clientSecret);
    checkText(problems, `${at}.name`, app?.name);
    if (typeof app?.clientId === 'string' && seen.has(app.clientId)) {
      problems.push(`${at}.clientId must be unique (got ${show(app.clientId)} twice)`);
    }
    if (typeof app?.clientId === 'string') seen.add(app.clientId);
    if (!Array.isArray(app?.redirectUris) || app.redirectUris.length === 0) {
      problems.push(
        `${at}.redirectUris must be a non-empty array (got ${show(app?.redirectUris)})`,
      );
      return;
    }
    app.redirectUris.forEach((uri, i) => checkUrl(problems, `${at}.redirectUris[${i}]`, uri));
  });
}

function checkMoreIssuers(problems: string[], more: unknown): void {
  if (more === undefined) return;
  if (!Array.isArray(more)) {
    problems.push(`moreIssuers must be an array (got ${show(more)})`);
    return;
  }
  more.forEach((one: Partial<IssuerOption>, index) => {
    const at = `moreIssuers[${index}]`;
    checkUrl(problems, `${at}.issuer`, one?.issuer);
    checkText(problems, `${at}.identityClient.clientId`, one?.identityClient?.clientId);
    checkText(problems, `${at}.identityClient.clientSecret`, one?.identityClient?.clientSecret);
    if (one?.name !== undefined) checkText(problems, `${at}.name`, one.name);
  });
}

function checkText(problems: string[], name: string, value: unknown): void {
  if (typeof value === 'string' && value.length > 0) return;
  problems.push(`${name} must be a non-empty string (got ${show(value)})`);
}

function checkUrl(problems: string[], name: string, value: unknown): void {
  if (typeof value === 'string' && URL.canParse(value) && /^https?:/.test(value)) return;
  problems.push(`${name} must be an http(s) URL (got ${show(value)})`);
}

function show(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (value === undefined) return 'nothing';
  return JSON.stringify(value) ?? String(value);
}
