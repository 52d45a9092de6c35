import { afterEach, describe, expect, it } from 'vitest';
import { seededRandom } from '../core/random.ts';
import { protocolDriver } from '../drivers/protocol-driver.ts';
import type { ScenarioResult } from '../reporting/scenario-result.ts';
import { startWorld, type World } from '../world/start-world.ts';
import { uuidV1WindowStart } from '../world/uuid-v1-window.ts';
import { runPopulation } from './population.ts';

const SIZE = 200;
let world: World | undefined;
afterEach(async () => world?.stop());

async function populationAgainst(defect: string): Promise<ScenarioResult> {
  world = await startWorld({ seed: 3, defect, populationSize: SIZE });
  return runPopulation({ world, driver: protocolDriver() }, seededRandom(3).fork('population'));
}

/**
 * Who must see whose data when the target merges accounts that share a UUID v1 window: each later
 * account of a window receives the data of the window's first login. Derived from creation times
 * alone, never from the target.
 */
function pairsSharingAWindow(result: ScenarioResult): string[] {
  const firstOfWindow = new Map<number, string>();
  const pairs: string[] = [];
  for (const account of result.accounts) {
    const window = uuidV1WindowStart(Date.parse(account.createdAt));
    const first = firstOfWindow.get(window);
    if (first) pairs.push(`${account.beneficiary} saw ${first}`);
    else firstOfWindow.set(window, account.beneficiary);
  }
  return pairs;
}

function pairsFound(result: ScenarioResult): string[] {
  const pairs = result.findings.map(
    (f) => `${f.viewer} saw ${f.kind === 'violation' ? f.owner : '?'}`,
  );
  return [...new Set(pairs)];
}

describe('the population scenario over HTTP', () => {
  it('finds exactly the accounts that share a UUID v1 window against the 2018 truncation', async () => {
    const result = await populationAgainst('truncate-uuid-96');

    const expected = pairsSharingAWindow(result);
    expect(result.logins).toBe(SIZE);
    expect(result.accounts).toHaveLength(SIZE);
    expect(expected.length).toBeGreaterThan(0);
    expect(pairsFound(result)).toEqual(expected);
    expect(result.findings.every((f) => f.kind === 'violation')).toBe(true);
  }, 180_000);

  it('finds nothing against the correct target, though the same windows are shared', async () => {
    const result = await populationAgainst('none');

    expect(result.logins).toBe(SIZE);
    expect(pairsSharingAWindow(result).length).toBeGreaterThan(0);
    expect(result.findings).toEqual([]);
  }, 180_000);
});
