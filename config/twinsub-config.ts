import type { Page } from '@playwright/test';

/** How twinsub reaches the system under test. */
export type TargetReach = TargetAtUrl | TargetByCommand | TargetInImage;

/** A system that is already running. */
export interface TargetAtUrl {
  /** Its base URL, e.g. `http://127.0.0.1:8000`. */
  url: string;
  /** Answers any status below 500 once the target is up. Default: `url`. */
  healthUrl?: string;
  /** Longest wait for the health check, in ms. Default 10,000. */
  startupTimeoutMs?: number;
}

/** A system twinsub starts for each world and stops after it. */
export interface TargetByCommand {
  /** Program and arguments, e.g. `['node', 'bin/twinsub.mjs', 'target', '--port', '4030']`. */
  command: string[];
  /** Where the started command listens. */
  url: string;
  /** Working directory of the command. Default: the configuration file's folder. */
  cwd?: string;
  /** Extra environment variables for the command. */
  env?: Record<string, string>;
  /** Answers any status below 500 once the target is up. Default: `url`. */
  healthUrl?: string;
  /** Longest wait for the health check, in ms. Default 60,000. */
  startupTimeoutMs?: number;
}

/** A container image started with testcontainers, on the host's network. */
export interface TargetInImage {
  image: string;
  /** Where the container listens on the host network, e.g. `http://127.0.0.1:4030`. */
  url: string;
  /** Command of the container, replacing the image's own. */
  command?: string[];
  env?: Record<string, string>;
  healthUrl?: string;
  /** Longest wait for the health check, in ms. Default 120,000. */
  startupTimeoutMs?: number;
}

/** A third-party app registered at the target: twinsub plays it on the redirect URI's port. */
export interface AppConfig {
  /** Name findings use. Default `app-<n>`. */
  name?: string;
  clientId: string;
  clientSecret: string;
  /** Exactly as registered at the target: `http://127.0.0.1:<port>/callback`. */
  redirectUri: string;
}

/** The target's OAuth and data endpoints, as paths below the target URL (or full URLs). */
export interface EndpointsConfig {
  authorize: string;
  token: string;
  revoke: string;
  userinfo: string;
  /** FHIR searches each app runs after login; every answer is checked for others' canaries. */
  resources: string[];
}

/** How a person recognises and answers the target's consent page, by CSS selectors. */
export interface ConsentSelectors {
  /** The consent form. */
  form: string;
  /** The approve button, inside the form. */
  approve: string;
  /** The deny button, inside the form. Default: none. */
  deny?: string;
  /** Name of the field that answers a demographics question, with its yes value. */
  demographics?: { field: string; share: string; withhold: string };
}

/**
 * A page object for the consent page in a browser (the `browser` driver only): called on every
 * page after the login form; answers the consent page and returns true, or returns false when
 * `page` is not the consent page.
 */
export type ConsentPageObject = (
  page: Page,
  answer: { approve: boolean; shareDemographics: boolean },
) => Promise<boolean>;

export interface TwinsubConfig {
  target: TargetReach;
  /** What the target speaks to the identity system. Default `oidc`. */
  identityProtocol?: 'oidc' | 'slsx';
  /** The target's own client at the identity system, and its callback URL exactly. */
  identityClient: { clientId: string; clientSecret: string; redirectUri: string };
  /** At least two: the twins scenario connects one app per twin. */
  apps: AppConfig[];
  /** Default: Blue Button 2.0's v2 endpoints (DOMAIN.md section 5). */
  endpoints?: Partial<EndpointsConfig>;
  /** Default: Blue Button 2.0's scopes. */
  scopes?: string[];
  /** Default: Blue Button 2.0's consent form (`form#authorizationForm`, `allow`). */
  consent?: ConsentSelectors | ConsentPageObject;
  /** PBKDF2 settings the target hashes MBIs with (DOMAIN.md section 7); salt as hex. */
  mbiHash: { salt: string; iterations: number };
  /** Fixed ports the target is configured with: the identity system and the data backend. */
  ports: { simulator: number; control?: number; backend: number };
  /**
   * When the target trusts more than one identity system and asks a person which to sign in
   * with: how a person picks the first (the one at `ports.simulator`), and the others, each a
   * simulator twinsub starts on a port of its own. Without it twinsub plays one identity system,
   * and the probe of the same `sub` from two issuers is skipped.
   */
  identityProviders?: { choose: string; more: MoreIdentityProvider[] };
}

/** An identity system the target trusts beside the first one. */
export interface MoreIdentityProvider {
  /** Its fixed port: its issuer is `http://127.0.0.1:<port>`. */
  port: number;
  /** Its control API's port. Default: any free one. */
  controlPort?: number;
  /** CSS selector of the link or button a person uses on the target's page to pick it. */
  choose: string;
  /** The target's client there. Default: `identityClient`. */
  identityClient?: { clientId: string; clientSecret: string; redirectUri: string };
}

/** The configuration after validation: every default filled in. */
export interface ResolvedConfig {
  file: string;
  target:
    | { kind: 'url'; url: string; healthUrl: string; startupTimeoutMs: number }
    | {
        kind: 'command';
        command: string[];
        url: string;
        cwd: string;
        env: Record<string, string>;
        healthUrl: string;
        startupTimeoutMs: number;
      }
    | {
        kind: 'image';
        image: string;
        url: string;
        command: string[] | undefined;
        env: Record<string, string>;
        healthUrl: string;
        startupTimeoutMs: number;
      };
  identityProtocol: 'oidc' | 'slsx';
  identityClient: { clientId: string; clientSecret: string; redirectUri: string };
  apps: {
    name: string;
    clientId: string;
    clientSecret: string;
    redirectUri: string;
    port: number;
  }[];
  endpoints: EndpointsConfig;
  scopes: string[];
  consent: ConsentSelectors | ConsentPageObject;
  mbiHash: { salt: string; iterations: number };
  ports: { simulator: number; control: number; backend: number };
  identityProviders: {
    /** Selector that picks the first identity system; undefined when there is only one. */
    choose: string | undefined;
    more: {
      port: number;
      controlPort: number;
      choose: string;
      identityClient: { clientId: string; clientSecret: string; redirectUri: string };
    }[];
  };
}
