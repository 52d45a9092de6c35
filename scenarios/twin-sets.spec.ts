import { expect } from '@playwright/test';
import { describeFindings, scenarioTest as test } from './scenario-test.ts';
import { runTwinSets, TWIN_SETS_POPULATION } from './twin-sets.ts';
import { runnableProbes, twinProbes } from './twin-probes.ts';

test.use({ populationSize: TWIN_SETS_POPULATION });

test('twins under every lossy mapping class each see only their own data', async ({
  scenario,
  attachResult,
}) => {
  const result = await runTwinSets(scenario);
  await attachResult(result);

  expect(result.logins).toBe(
    runnableProbes(twinProbes(), scenario.world.identityProviders.length).length * 3,
  );
  expect(result.findings, describeFindings(result)).toEqual([]);
});
