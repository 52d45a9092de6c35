import type { StartedThirdPartyApp } from '../apps/third-party-app.ts';
import { isTwinsubError } from '../core/twinsub-error.ts';
import type { Driver } from '../drivers/driver.ts';
import type { Beneficiary } from '../fixtures/population.ts';
import type { LoginRecord } from '../oracle/login-record.ts';

/** How one login goes beyond the beneficiary's credentials. */
export interface LoginOptions {
  /**
   * What the person clicks on the target's sign-in page to use the identity provider their
   * account is at (`WorldIdentityProvider.choose`). Default: the driver's, the first listed.
   */
  identityProvider?: string | undefined;
  /** Why a correct target may refuse this login (`LoginRecord.refusalAllowed`). */
  refusalAllowed?: string;
}

/**
 * A beneficiary connects an app: the driver opens the app's connect link as the app's own user
 * `<beneficiary>@<app>`, picks the identity provider of their account if the target asks, logs in
 * there and approves on the target's consent page.
 */
export async function loginThroughApp(
  driver: Driver,
  app: StartedThirdPartyApp,
  beneficiary: Beneficiary,
  viewerSub: string,
  options: LoginOptions = {},
): Promise<LoginRecord & { screenshot?: Buffer }> {
  const appUser = `${beneficiary.key}@${app.name}`;
  const startUrl = app.connectUrl(appUser);
  // A login that breaks down (a target that resets connections or redirects forever) is this
  // person's lock-out, not the end of the scenario: every other login's findings still count.
  // A mistake in twinsub's own configuration (a consent selector that matches nothing) is not
  // the target's doing, and ends the run.
  const { screenshot, ...outcome } = await driver
    .login({
      startUrl,
      username: beneficiary.username,
      password: beneficiary.password,
      ...(options.identityProvider === undefined
        ? {}
        : { identityProvider: options.identityProvider }),
    })
    .catch((error: unknown) => {
      if (isTwinsubError(error) && error.code === 'INVALID_OPTION') throw error;
      return {
        finalUrl: startUrl,
        status: 0,
        title: 'Login broke down',
        excerpt: error instanceof Error ? error.message : String(error),
        requests: 0,
        screenshot: undefined,
      };
    });
  return {
    viewer: beneficiary.key,
    viewerSub,
    app: app.name,
    outcome,
    session: app.session(appUser),
    ...(options.refusalAllowed === undefined ? {} : { refusalAllowed: options.refusalAllowed }),
    screenshot,
  };
}

/** Requests a login cost: the person's pages and redirects plus everything the app asked for. */
export function requestsOf(record: LoginRecord): number {
  return record.outcome.requests + (record.session?.responses.length ?? 0);
}
