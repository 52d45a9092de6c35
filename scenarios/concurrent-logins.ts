import type { ScenarioResult } from '../reporting/scenario-result.ts';
import type { GateOutcome } from '../backend/login-lookup-gate.ts';
import type { Account } from '../simulator/account.ts';
import { loginThroughApp } from './login-through-app.ts';
import { summarise, type ScenarioContext } from './scenario-run.ts';

/** First logins in flight at once. */
export const CONCURRENT_LOGINS = 4;
/** Between two accounts' creations: ordinary sign-ups, not twins of any time-based scheme. */
const SIGN_UP_GAP_MS = 3_600_000;

/**
 * Beneficiaries who never logged in before all connect an app at the same moment, as after a
 * campaign e-mail. Their accounts are ordinary (the identity system's scheme, an hour apart); what
 * is tested is the target's first-login path under concurrency. Starting the logins together
 * leaves their overlap to timing, so the data backend holds the login lookups (the Patient search
 * a target makes between finding no user and storing one) until every login of the batch has
 * made its own: every first login is then inside its check-then-store window at once. The
 * lookups are then answered one at a time in the beneficiaries' order, the next once the
 * previous login is over, so the target stores them in the same order every run. A target that
 * stores users atomically gives each their own; one that races files some under another's user.
 */
export async function runConcurrentLogins(
  context: ScenarioContext,
  count = CONCURRENT_LOGINS,
): Promise<ScenarioResult> {
  const { world, driver } = context;
  const people = world.population.beneficiaries.slice(0, count);
  if (people.length < count || world.apps.length === 0) {
    throw new Error(`the concurrent-logins scenario needs ${count} beneficiaries and an app`);
  }

  const accounts: Account[] = [];
  for (const person of people) {
    await world.control.advanceClock(SIGN_UP_GAP_MS);
    accounts.push(await world.enroll(person));
  }

  const hold = world.holdLoginLookups(count);
  const running = people.map(async (person, index) => {
    const app = world.apps[index % world.apps.length]!;
    const { screenshot, ...login } = await loginThroughApp(
      driver,
      app,
      person,
      accounts[index]!.sub,
      { identityProvider: world.identityProviderOf(person.key)?.choose },
    );
    if (screenshot) context.onScreenshot?.(`${person.key}-${app.name}`, screenshot);
    return login;
  });
  let outcome: GateOutcome;
  try {
    outcome = await hold.filled;
    // One at a time, in the beneficiaries' order: the next lookup is answered once the previous
    // login is over, so the target stores the batch in the same order every run.
    for (let rank = await hold.answerNext(); rank !== undefined; rank = await hold.answerNext()) {
      await running[rank]?.catch(() => undefined);
    }
  } finally {
    hold.release();
  }
  const logins = await Promise.all(running);
  context.progress?.(
    outcome.filled
      ? `concurrent-logins: ${outcome.held} first logins at the target at once`
      : `concurrent-logins: only ${outcome.held} of ${count} first logins reached the data ` +
          'backend together; the rest came one by one',
  );
  return summarise('concurrent-logins', context, logins);
}
