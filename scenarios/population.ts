import type { Random } from '../core/random.ts';
import type { ScenarioResult } from '../reporting/scenario-result.ts';
import type { LoginRecord } from '../oracle/login-record.ts';
import { loginLanes } from './login-lanes.ts';
import { loginThroughApp } from './login-through-app.ts';
import { summarise, type ScenarioContext } from './scenario-run.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Logins in flight at once: enough to keep the target, the simulator and the apps all busy. */
const LOGIN_LANES = 4;

/**
 * Every beneficiary of the population gets an account, created at a steady random rate over one
 * simulated day (exponential gaps: sign-ups arrive independently), then connects one of the apps in
 * turn. At 200 a day the mean gap is 432 s, about one UUID v1 window, so some windows hold two or
 * three accounts and most hold one or none: the population a real identity system builds. Logins
 * run in a few lanes side by side (`loginLanes`), each in creation order.
 */
export async function runPopulation(
  context: ScenarioContext,
  random: Random,
): Promise<ScenarioResult> {
  const { world, driver } = context;
  const beneficiaries = world.population.beneficiaries;
  const meanGapMs = DAY_MS / beneficiaries.length;

  const accounts = [];
  for (const beneficiary of beneficiaries) {
    await world.control.advanceClock(exponentialGap(random, meanGapMs));
    accounts.push(await world.enroll(beneficiary));
  }
  context.progress?.(`population: ${accounts.length}/${beneficiaries.length} accounts`);

  const records: (LoginRecord | undefined)[] = [];
  let done = 0;
  const order = accounts.map((account, index) => ({ account, index }));
  const lanes = loginLanes(order, ({ account }) => account.createdAt, LOGIN_LANES);
  await Promise.all(
    lanes.map(async (lane) => {
      for (const { account, index } of lane) {
        const beneficiary = beneficiaries[index]!;
        const app = world.apps[index % world.apps.length]!;
        const { screenshot: _screenshot, ...login } = await loginThroughApp(
          driver,
          app,
          beneficiary,
          account.sub,
          { identityProvider: world.identityProviderOf(beneficiary.key)?.choose },
        );
        records[index] = login;
        done += 1;
        context.progress?.(`population: ${done}/${beneficiaries.length} logins`);
      }
    }),
  );
  const logins = records.filter((record): record is LoginRecord => record !== undefined);
  return summarise('population', context, logins);
}

/** A gap in whole ms drawn from the exponential distribution with the given mean. */
function exponentialGap(random: Random, meanMs: number): number {
  const uniform = (random.int(0, 2 ** 30 - 1) + 0.5) / 2 ** 30;
  return Math.round(-Math.log(uniform) * meanMs);
}
