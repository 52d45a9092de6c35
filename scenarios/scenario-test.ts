import { test as base } from '@playwright/test';
import { browserDriver } from '../drivers/browser-driver.ts';
import type { Driver } from '../drivers/driver.ts';
import { protocolDriver } from '../drivers/protocol-driver.ts';
import type { ScenarioResult } from '../reporting/scenario-result.ts';
import { SCENARIO_RESULT_ATTACHMENT } from '../reporting/scenario-result.ts';
import { PROGRESS_PREFIX } from '../reporting/progress-reporter.ts';
import { startWorld, type World } from '../world/start-world.ts';
import { settingsFromEnv, type RunSettings } from './run-settings.ts';
import {
  configuredBrowserConsent,
  configuredConsent,
  configuredWorld,
} from './configured-world.ts';
import type { ScenarioContext } from './scenario-run.ts';

interface ScenarioFixtures {
  /** Beneficiaries the world's population holds; a spec sets it with `test.use`. */
  populationSize: number;
  settings: RunSettings;
  world: World;
  driver: Driver;
  scenario: ScenarioContext;
  /** Hands the scenario's result to the reporters and the HTML report. */
  attachResult: (result: ScenarioResult) => Promise<void>;
}

/**
 * Playwright Test with a started world per scenario. The project name picks the driver:
 * `protocol` (HTTP and HTML forms) or `browser` (Chromium, Playwright's own browser fixture).
 */
export const scenarioTest = base.extend<ScenarioFixtures>({
  populationSize: [2, { option: true }],
  settings: async ({}, use) => use(settingsFromEnv().settings),
  world: async ({ settings, populationSize }, use) => {
    const configured = await configuredWorld(settings, populationSize);
    if (configured) {
      await use(configured);
      await configured.stop();
      return;
    }
    const world = await startWorld({
      seed: settings.seed,
      defect: settings.defect,
      scheme: settings.scheme,
      populationSize,
      databaseUrl: process.env.DATABASE_URL,
    });
    await use(world);
    await world.stop();
  },
  // Chromium starts only for the browser project, through the test's own `playwright` so that its
  // pages land in the trace; the protocol project never needs a browser installed.
  driver: async ({ playwright, launchOptions }, use, testInfo) => {
    if (testInfo.project.name !== 'browser') {
      await use(protocolDriver({ consent: await configuredConsent() }));
      return;
    }
    const browser = await playwright.chromium.launch(launchOptions);
    await use(await browserDriver({ browser, consent: await configuredBrowserConsent() }));
    await browser.close();
  },
  scenario: async ({ world, driver }, use, testInfo) => {
    await use({
      world,
      driver,
      progress: (line) => process.stdout.write(`${PROGRESS_PREFIX}${line}\n`),
      onScreenshot: (name, png) =>
        void testInfo.attach(`last page of ${name}`, { body: png, contentType: 'image/png' }),
    });
  },
  attachResult: async ({}, use, testInfo) => {
    await use(async (result) => {
      await testInfo.attach(SCENARIO_RESULT_ATTACHMENT, {
        body: JSON.stringify(result),
        contentType: 'application/json',
      });
    });
  },
});

/** One line per finding, for the failure message a CI page shows. */
export function describeFindings(result: ScenarioResult): string {
  const lines = result.findings.map((f) =>
    f.kind === 'violation'
      ? `${f.viewer} (sub ${f.viewerSub}) received ${f.owner}'s data (sub ${f.ownerSub}) ` +
        `through ${f.app} at ${f.url}`
      : `${f.viewer} (sub ${f.viewerSub}) was locked out through ${f.app}: ${f.status} ${f.title}`,
  );
  return `${result.findings.length} findings:\n${lines.join('\n')}`;
}
