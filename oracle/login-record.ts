import type { AppSession } from '../apps/app-session.ts';
import type { LoginOutcome } from '../drivers/driver.ts';

/** One beneficiary's login through one app, as the person and the app saw it. */
export interface LoginRecord {
  /** Beneficiary key of the person who typed the credentials. */
  viewer: string;
  /** The subject the identity system holds for that person (its own record). */
  viewerSub: string;
  app: string;
  outcome: LoginOutcome;
  /** What the app recorded for this person's connection. */
  session: AppSession | undefined;
  /**
   * Set on a deliberately inconsistent login (an identity provider made to misbehave), where a
   * correct target may refuse: why refusing is right. A clean refusal (an error page, or an error
   * told to the app, and nobody's data anywhere) is then no lock-out; a login that connects is
   * checked as any other.
   */
  refusalAllowed?: string;
}
