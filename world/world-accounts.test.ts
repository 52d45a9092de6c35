import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock, DEFAULT_EPOCH_MS } from '../core/clock.ts';
import { seededRandom } from '../core/random.ts';
import { generatePopulation } from '../fixtures/generate-population.ts';
import { SimulatorControl } from '../simulator/control-client.ts';
import { startSimulator } from '../simulator/start-simulator.ts';
import type { StartedSimulator } from '../simulator/started-simulator.ts';
import { worldAccounts } from './world-accounts.ts';

let simulator: StartedSimulator | undefined;
afterEach(() => simulator?.stop());

describe('worldAccounts', () => {
  it('creates accounts under a scheme, as a twin, or with an explicit sub, for every world', async () => {
    simulator = await startSimulator({
      clock: new ManualClock(DEFAULT_EPOCH_MS),
      random: seededRandom(1),
      onWarning: () => {},
    });
    const population = generatePopulation({ seed: 4, size: 4 });
    const [first, twin, other, explicit] = population.beneficiaries;
    const { enroll, subjects, ownership } = worldAccounts(population, [
      {
        name: 'the simulator',
        issuer: simulator.issuer,
        control: new SimulatorControl(simulator.controlUrl),
        choose: undefined,
      },
    ]);

    const original = await enroll(first!);
    const twinAccount = await enroll(twin!, {
      twinOf: { sub: original.sub, transform: 'slice:9:36' },
      email: 'shared@example.com',
    });
    const v4 = await enroll(other!, { scheme: 'uuid-v4' });
    const chosen = await enroll(explicit!, { sub: 'chosen-subject' });

    expect(twinAccount.sub).not.toBe(original.sub);
    expect(twinAccount.sub.slice(9, 36)).toBe(original.sub.slice(9, 36));
    expect(twinAccount.profile.email).toBe('shared@example.com');
    expect([v4.scheme, chosen.scheme, chosen.sub]).toEqual([
      'uuid-v4',
      'explicit',
      'chosen-subject',
    ]);
    expect(subjects.get(twin!.key)).toBe(twinAccount.sub);
    expect(ownership.subjectOf(first!.key)).toBe(original.sub);
    expect(ownership.issuerOf?.(first!.key)).toBe(simulator.issuer);
    expect(ownership.patientOf(other!.key)).toBe(other!.patientId);
  });
});
