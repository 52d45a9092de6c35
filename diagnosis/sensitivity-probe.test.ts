import { afterEach, describe, expect, it } from 'vitest';
import { protocolDriver } from '../drivers/protocol-driver.ts';
import { startWorld, type World } from '../world/start-world.ts';
import { PROBE_POPULATION, probeSensitivity } from './sensitivity-probe.ts';

let world: World | undefined;
afterEach(async () => world?.stop());

describe('probeSensitivity', { timeout: 300_000 }, () => {
  it('names the 2018 slice exactly against defect truncate-uuid-96', async () => {
    world = await startWorld({
      seed: 3,
      defect: 'truncate-uuid-96',
      populationSize: PROBE_POPULATION,
    });

    const sensitivity = await probeSensitivity(world, protocolDriver());

    expect(sensitivity.positions).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect([
      sensitivity.case,
      sensitivity.unicode,
      sensitivity.whitespace,
      sensitivity.email,
    ]).toEqual([false, false, false, false]);
    expect(sensitivity.summary).toBe(
      'positions 0-8 ignored: the target keeps characters 9..36 ' +
        "(slice:9:36, Blue Button 2.0's 2018 cut: time_low and its hyphen dropped)",
    );
  });

  it('finds no ignored difference against defect none', async () => {
    world = await startWorld({ seed: 3, defect: 'none', populationSize: PROBE_POPULATION });

    const sensitivity = await probeSensitivity(world, protocolDriver());

    expect(sensitivity.summary).toBe(
      'no difference ignored: the target keys on the whole (iss, sub)',
    );
  });
});
