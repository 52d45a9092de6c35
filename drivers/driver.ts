/** What a person does to connect an app: who they are and what they answer on the way. */
export interface LoginRequest {
  /** The app page where the person starts (the app's connect link). */
  startUrl: string;
  username: string;
  password: string;
  /** The answer to the target's demographic question. Default true. */
  shareDemographics?: boolean;
  /** Approve (default) or deny on the consent page. */
  approve?: boolean;
  /**
   * On a target that trusts several identity systems and asks which one to sign in with: the
   * CSS selector of the link or button for the one the person's account is at. Default
   * `DEFAULT_IDENTITY_PROVIDER`, the first identity system the reference target lists.
   */
  identityProvider?: string;
}

/** The reference target's sign-in page lists its identity systems as these links, first first. */
export const DEFAULT_IDENTITY_PROVIDER = 'a[data-identity-provider]';

/** Where the person ended up: the last page they saw. */
export interface LoginOutcome {
  finalUrl: string;
  /** HTTP status of the last page. */
  status: number;
  title: string;
  /** The page's visible text, shortened. */
  excerpt: string;
  /** Pages and redirects the person went through. */
  requests: number;
  /** PNG of the last page, for browser logins. */
  screenshot?: Buffer;
}

/** Moves a person through a login, the way a person would: pages and forms only. */
export interface Driver extends AsyncDisposable {
  readonly name: DriverName;
  login(request: LoginRequest): Promise<LoginOutcome>;
  stop(): Promise<void>;
}

export const DRIVER_NAMES = ['protocol', 'browser'] as const;
export type DriverName = (typeof DRIVER_NAMES)[number];

/** Longest a login may take before it counts as stuck. */
export const MAX_LOGIN_STEPS = 25;

export function shorten(text: string, max = 300): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
