import type { LoginRecord } from '../oracle/login-record.ts';
import type { ScenarioResult } from '../reporting/scenario-result.ts';
import { loginThroughApp } from './login-through-app.ts';
import { summarise, type ScenarioContext } from './scenario-run.ts';
import { twinProbes, type TwinProbe } from './twin-probes.ts';

/** Beneficiaries the twin-sets scenario needs: two per probe. */
export const TWIN_SETS_POPULATION = twinProbes().length * 2;

/**
 * For every lossy mapping class, two beneficiaries whose subjects that class would merge: the
 * first connects the first app, then the twin connects the second app, then the first connects
 * the second app too (a repeated login across apps). Each must see only their own data; a
 * target that merges them leaks or locks one out.
 */
export async function runTwinSets(
  context: ScenarioContext,
  probes: TwinProbe[] = twinProbes(),
): Promise<ScenarioResult> {
  const { world, driver } = context;
  const [firstApp, secondApp] = world.apps;
  if (!firstApp || !secondApp || world.population.beneficiaries.length < probes.length * 2) {
    throw new Error(`the twin-sets scenario needs ${probes.length * 2} beneficiaries and two apps`);
  }

  const logins: LoginRecord[] = [];
  for (const [index, probe] of probes.entries()) {
    const first = world.population.beneficiaries[index * 2]!;
    const twin = world.population.beneficiaries[index * 2 + 1]!;
    const firstAccount = await world.enroll(first, probe.first);
    const twinAccount = await world.enroll(twin, probe.twin(firstAccount.sub));
    context.progress?.(`twin-sets: ${probe.name}: ${firstAccount.sub} and ${twinAccount.sub}`);

    for (const [beneficiary, app, sub] of [
      [first, firstApp, firstAccount.sub],
      [twin, secondApp, twinAccount.sub],
      [first, secondApp, firstAccount.sub],
    ] as const) {
      const { screenshot, ...login } = await loginThroughApp(driver, app, beneficiary, sub);
      if (screenshot) context.onScreenshot?.(`${beneficiary.key}-${app.name}`, screenshot);
      logins.push(login);
    }
  }
  return summarise('twin-sets', context, logins);
}
