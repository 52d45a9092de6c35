import type { AppConfig, TargetReach, TwinsubConfig } from './twinsub-config.ts';

export interface BlueButtonProfileOptions {
  /** The Blue Button-shaped server: a `url`, a `command` or an `image`. */
  target: TargetReach;
  /** The apps registered at it (two at least). */
  apps: AppConfig[];
  /** The MBI hash settings it searches the data backend with. */
  mbiHash: { salt: string; iterations: number };
  /** Its client at the identity system. Default: `bb2api` with secret `bb2-secret`. */
  identityClient?: { clientId: string; clientSecret: string; redirectUri?: string };
  /** Default: identity system on 4010 (control 4011), data backend on 4020. */
  ports?: { simulator: number; control?: number; backend: number };
}

/**
 * A ready profile for a server shaped like Blue Button 2.0 (DOMAIN.md sections 5 to 7): it logs
 * people in over SLSx, calls back at `/mymedicare/sls-callback`, serves the v2 endpoints and
 * shows the `authorizationForm` consent page. A user supplies the target, apps and MBI hashing.
 */
export function blueButtonProfile(options: BlueButtonProfileOptions): TwinsubConfig {
  const url = (options.target as { url?: string }).url ?? '';
  const client = options.identityClient ?? { clientId: 'bb2api', clientSecret: 'bb2-secret' };
  return {
    target: options.target,
    identityProtocol: 'slsx',
    identityClient: {
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      redirectUri: client.redirectUri ?? `${url.replace(/\/+$/, '')}/mymedicare/sls-callback`,
    },
    apps: options.apps,
    mbiHash: options.mbiHash,
    ports: options.ports ?? { simulator: 4010, control: 4011, backend: 4020 },
  };
}
