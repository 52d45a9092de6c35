import type { LoginRecord } from '../oracle/login-record.ts';
import type { ScenarioResult } from '../reporting/scenario-result.ts';
import { loginThroughApp } from './login-through-app.ts';
import { summarise, type ScenarioContext } from './scenario-run.ts';
import { runnableProbes, twinProbes, type TwinProbe } from './twin-probes.ts';

/** Beneficiaries the twin-sets scenario needs: two per probe. */
export const TWIN_SETS_POPULATION = twinProbes().length * 2;

/**
 * For every lossy mapping class, two beneficiaries whose subjects that class would merge: the
 * first connects the first app, then the twin connects the second app, then the first connects
 * the second app too (a repeated login across apps). Each must see only their own data; a
 * target that merges them leaks or locks one out. Probes that need a second identity provider
 * run where the world has one; a probe that makes the identity provider misbehave for the twin
 * accepts a clean refusal of the twin's login.
 */
export async function runTwinSets(
  context: ScenarioContext,
  probes?: TwinProbe[],
): Promise<ScenarioResult> {
  const { world, driver } = context;
  const all = probes ?? twinProbes();
  const runnable = runnableProbes(all, world.identityProviders.length);
  const [firstApp, secondApp] = world.apps;
  if (!firstApp || !secondApp || world.population.beneficiaries.length < all.length * 2) {
    throw new Error(`the twin-sets scenario needs ${all.length * 2} beneficiaries and two apps`);
  }
  for (const probe of all.filter((one) => !runnable.includes(one))) {
    context.progress?.(`twin-sets: ${probe.name}: skipped, the world has one identity provider`);
  }

  const logins: LoginRecord[] = [];
  for (const [index, probe] of all.entries()) {
    if (!runnable.includes(probe)) continue;
    const first = world.population.beneficiaries[index * 2]!;
    const twin = world.population.beneficiaries[index * 2 + 1]!;
    const firstAccount = await world.enroll(first, probe.first);
    const twinAccount = await world.enroll(twin, probe.twin(firstAccount.sub));
    context.progress?.(`twin-sets: ${probe.name}: ${firstAccount.sub} and ${twinAccount.sub}`);

    for (const [beneficiary, app, sub, refusalAllowed] of [
      [first, firstApp, firstAccount.sub, undefined],
      [twin, secondApp, twinAccount.sub, probe.twinRefusalAllowed],
      [first, secondApp, firstAccount.sub, undefined],
    ] as const) {
      const { screenshot, ...login } = await loginThroughApp(driver, app, beneficiary, sub, {
        identityProvider: world.identityProviderOf(beneficiary.key)?.choose,
        ...(refusalAllowed === undefined ? {} : { refusalAllowed }),
      });
      if (screenshot) context.onScreenshot?.(`${beneficiary.key}-${app.name}`, screenshot);
      logins.push(login);
    }
  }
  return summarise('twin-sets', context, logins);
}
