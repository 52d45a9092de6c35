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
  const accounts = await world.control.accounts();
  const keyOf = new Map([...world.subjects].map(([key, sub]) => [sub, key]));
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
    accounts: accounts
      .filter((account) => keyOf.has(account.sub))
      .map((account) => ({
        beneficiary: keyOf.get(account.sub)!,
        sub: account.sub,
        createdAt: new Date(account.createdAt).toISOString(),
      })),
  };
}
