import { expect } from '@playwright/test';
import { describeFindings, scenarioTest as test } from './scenario-test.ts';
import { runTwins } from './twins.ts';

test.use({ populationSize: 2 });

test('twins in one UUID v1 window each see only their own data', async ({
  scenario,
  attachResult,
}) => {
  const result = await runTwins(scenario);
  await attachResult(result);

  expect(result.logins).toBe(2);
  expect(result.findings, describeFindings(result)).toEqual([]);
});
