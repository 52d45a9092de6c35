import { uuidV1WindowStart } from '../world/uuid-v1-window.ts';
import { loginThroughApp } from './login-through-app.ts';
import { summarise, type ScenarioContext } from './scenario-run.ts';
import type { ScenarioResult } from '../reporting/scenario-result.ts';

/** Gap between the twins' account creations: well inside one ~429.5 s UUID v1 window. */
const TWIN_GAP_MS = 60_000;

export interface TwinsOptions {
  /** Subject scheme of both accounts. Default: the simulator's. */
  scheme?: string;
  /** Index of the first of the two beneficiaries in the population. Default 0. */
  offset?: number;
}

/**
 * Two beneficiaries whose accounts the identity system creates a minute apart, inside one UUID v1
 * window, so their subjects differ only in `time_low` (the 2018 incident's conditions). The first
 * connects the first app, the second the second app; each must see only their own data.
 */
export async function runTwins(
  context: ScenarioContext,
  options: TwinsOptions = {},
): Promise<ScenarioResult> {
  const { world, driver } = context;
  const offset = options.offset ?? 0;
  const [first, second] = world.population.beneficiaries.slice(offset, offset + 2);
  const enrollment = options.scheme === undefined ? {} : { scheme: options.scheme };
  const [firstApp, secondApp] = world.apps;
  if (!first || !second || !firstApp || !secondApp) {
    throw new Error(
      `the twins scenario needs beneficiaries ${offset + 1}-${offset + 2} and two apps`,
    );
  }

  const { now } = await world.control.clock();
  await world.control.setClock(new Date(uuidV1WindowStart(now) + 1_000));
  const firstAccount = await world.enroll(first, enrollment);
  await world.control.advanceClock(TWIN_GAP_MS);
  const secondAccount = await world.enroll(second, enrollment);
  context.progress?.(`twins: ${firstAccount.sub} and ${secondAccount.sub}`);

  const logins = [];
  for (const [beneficiary, app, account] of [
    [first, firstApp, firstAccount],
    [second, secondApp, secondAccount],
  ] as const) {
    const { screenshot, ...login } = await loginThroughApp(driver, app, beneficiary, account.sub, {
      identityProvider: world.identityProviderOf(beneficiary.key)?.choose,
    });
    if (screenshot) context.onScreenshot?.(`${beneficiary.key}-${app.name}`, screenshot);
    context.progress?.(
      `${beneficiary.key} via ${app.name}: ${login.session?.state ?? 'no session'}`,
    );
    logins.push(login);
  }
  return summarise('twins', context, logins);
}
