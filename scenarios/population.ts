import type { Random } from '../core/random.ts';
import type { ScenarioResult } from '../reporting/scenario-result.ts';
import type { LoginRecord } from '../oracle/login-record.ts';
import { loginThroughApp } from './login-through-app.ts';
import { summarise, type ScenarioContext } from './scenario-run.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Every beneficiary of the population gets an account, created at a steady random rate over one
 * simulated day (exponential gaps: sign-ups arrive independently), then connects one of the apps in
 * turn. At 200 a day the mean gap is 432 s, about one UUID v1 window, so some windows hold two or
 * three accounts and most hold one or none: the population a real identity system builds.
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
  context.progress?.(`population: ${accounts.length} accounts over one simulated day`);

  const logins: LoginRecord[] = [];
  for (const [i, beneficiary] of beneficiaries.entries()) {
    const app = world.apps[i % world.apps.length]!;
    const { screenshot: _screenshot, ...login } = await loginThroughApp(
      driver,
      app,
      beneficiary,
      accounts[i]!.sub,
    );
    logins.push(login);
    if ((i + 1) % 25 === 0 || i + 1 === beneficiaries.length) {
      context.progress?.(`population: ${i + 1}/${beneficiaries.length} logins`);
    }
  }
  return summarise('population', context, logins);
}

/** A gap in whole ms drawn from the exponential distribution with the given mean. */
function exponentialGap(random: Random, meanMs: number): number {
  const uniform = (random.int(0, 2 ** 30 - 1) + 0.5) / 2 ** 30;
  return Math.round(-Math.log(uniform) * meanMs);
}
