import { expect } from '@playwright/test';
import { CONCURRENT_LOGINS, runConcurrentLogins } from './concurrent-logins.ts';
import { describeFindings, scenarioTest as test } from './scenario-test.ts';

test.use({ populationSize: CONCURRENT_LOGINS });

test('beneficiaries logging in for the first time at once each see only their own data', async ({
  scenario,
  attachResult,
}) => {
  const result = await runConcurrentLogins(scenario);
  await attachResult(result);

  expect(result.logins).toBe(CONCURRENT_LOGINS);
  expect(result.findings, describeFindings(result)).toEqual([]);
});
