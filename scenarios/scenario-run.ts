import type { Driver } from '../drivers/driver.ts';
import { inspectLogin } from '../oracle/inspect-login.ts';
import type { LoginRecord } from '../oracle/login-record.ts';
import type { ScenarioResult } from '../reporting/scenario-result.ts';
import type { World } from '../world/start-world.ts';
import { requestsOf } from './login-through-app.ts';

/** What every scenario gets: a started world, a driver, and a way to say how far it is. */
export interface ScenarioContext {
  world: World;
  driver: Driver;
  progress?: (line: string) => void;
  /** Called with each browser login's last page, for the report. */
  onScreenshot?: (name: string, png: Buffer) => void;
}

/** Runs the oracle over a scenario's logins and totals what it cost. */
export async function summarise(
  scenario: string,
  context: ScenarioContext,
  logins: LoginRecord[],
): Promise<ScenarioResult> {
  const { world, driver } = context;
  const several = world.identityProviders.length > 1;
  // The same sub may be at two identity providers: an account is (identity provider, sub).
  const accounts = (
    await Promise.all(
      world.identityProviders.map(async (provider) =>
        (await provider.control.accounts()).map((account) => ({ provider, account })),
      ),
    )
  ).flat();
  const keyOf = new Map(
    [...world.subjects].map(([key, sub]) => [
      `${world.identityProviderOf(key)?.issuer} ${sub}`,
      key,
    ]),
  );
  return {
    scenario,
    driver: driver.name,
    beneficiaries: world.subjects.size,
    logins: logins.length,
    requests: logins.reduce((total, login) => total + requestsOf(login), 0),
    findings: logins.flatMap((login) => inspectLogin(login, world.ownership)),
    loginOutcomes: logins.map((login) => ({
      beneficiary: login.viewer,
      app: login.app,
      outcome: login.session?.state ?? 'failed',
    })),
    accounts: accounts.flatMap(({ provider, account }) => {
      const beneficiary = keyOf.get(`${provider.issuer} ${account.sub}`);
      if (beneficiary === undefined) return [];
      return [
        {
          beneficiary,
          sub: account.sub,
          ...(several ? { issuer: provider.issuer } : {}),
          createdAt: new Date(account.createdAt).toISOString(),
        },
      ];
    }),
  };
}
