import { expect } from '@playwright/test';
import { seededRandom } from '../core/random.ts';
import { settingsFromEnv } from './run-settings.ts';
import { runPopulation } from './population.ts';
import { describeFindings, scenarioTest as test } from './scenario-test.ts';

const { settings } = settingsFromEnv();
test.use({ populationSize: settings.population });

test('a population created over a simulated day each see only their own data', async ({
  scenario,
  attachResult,
}, testInfo) => {
  test.skip(
    testInfo.project.name === 'browser',
    'the population logs in over HTTP; hundreds of browser logins would take minutes',
  );
  test.skip(settings.population < 1, 'population size 0 asks for no population scenario');

  const result = await runPopulation(scenario, seededRandom(settings.seed).fork('population'));
  await attachResult(result);

  expect(result.logins).toBe(settings.population);
  expect(result.findings, describeFindings(result)).toEqual([]);
});
