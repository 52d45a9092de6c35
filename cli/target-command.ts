import { TwinsubError } from '../core/twinsub-error.ts';
import type { AppRegistration } from '../target/reference-target-options.ts';
import { startReferenceTarget } from '../target/start-reference-target.ts';

/** Options of `twinsub target` as commander hands them over. */
export interface RawTargetOptions {
  port: string;
  identityUrl: string;
  /** Further identity systems it trusts, with the same client id and secret at each. */
  moreIdentityUrl?: string[];
  identityProtocol: string;
  identityClientId: string;
  identityClientSecret: string;
  backendUrl: string;
  mbiSalt: string;
  mbiIterations: string;
  defect: string;
  app: string[];
}

/**
 * Serves the reference target alone, configured against an identity system and a data backend
 * at fixed URLs and with fixed app registrations: a stand-in for a user's own system that
 * `twinsub run --config` reaches by `command` or by `url`. Runs until SIGINT or SIGTERM.
 */
export async function serveTarget(raw: RawTargetOptions): Promise<void> {
  const problems: string[] = [];
  const port = /^\d+$/.test(raw.port) ? Number(raw.port) : Number.NaN;
  if (!(port >= 1 && port <= 65_535)) {
    problems.push(`--port must be a port number from 1 to 65535 (got '${raw.port}')`);
  }
  const iterations = /^\d+$/.test(raw.mbiIterations) ? Number(raw.mbiIterations) : 0;
  if (!['oidc', 'slsx'].includes(raw.identityProtocol)) {
    problems.push(`--identity-protocol must be one of oidc, slsx (got '${raw.identityProtocol}')`);
  }
  const apps = raw.app.map((spec, index) => parseApp(problems, spec, index));
  if (problems.length > 0) throw new TwinsubError('INVALID_OPTION', problems.join('\n'));

  const target = await startReferenceTarget({
    issuer: raw.identityUrl,
    moreIssuers: (raw.moreIdentityUrl ?? []).map((issuer) => ({
      issuer,
      identityClient: { clientId: raw.identityClientId, clientSecret: raw.identityClientSecret },
    })),
    identityProtocol: raw.identityProtocol as 'oidc' | 'slsx',
    identityClient: { clientId: raw.identityClientId, clientSecret: raw.identityClientSecret },
    backendUrl: raw.backendUrl,
    mbiHash: { salt: raw.mbiSalt, iterations },
    defect: raw.defect as never,
    databaseUrl: process.env.DATABASE_URL || undefined,
    apps: apps.filter((app): app is AppRegistration => app !== undefined),
    port,
  });
  process.stdout.write(
    `twinsub target at ${target.url} (identity callback ${target.identityRedirectUri}); ` +
      `Ctrl-C stops it\n`,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await target.stop();
}

/** `<clientId>,<clientSecret>,<redirectUri>`: one app registration. */
function parseApp(problems: string[], spec: string, index: number): AppRegistration | undefined {
  const [clientId, clientSecret, ...rest] = spec.split(',');
  const redirectUri = rest.join(',');
  if (!clientId || !clientSecret || !redirectUri) {
    problems.push(
      `--app must be <clientId>,<clientSecret>,<redirectUri> (got '${spec}' as app ${index + 1})`,
    );
    return undefined;
  }
  return { clientId, clientSecret, name: clientId, redirectUris: [redirectUri] };
}
