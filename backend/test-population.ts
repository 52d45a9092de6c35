import { ManualClock } from '../core/clock.ts';
import { generatePopulation } from '../fixtures/generate-population.ts';
import type { Beneficiary } from '../fixtures/population.ts';

/** The population and settings every backend test uses: small, fixed seed, frozen clock. */
export const testPopulation = generatePopulation({ seed: 1912, size: 12 });
export const testHash = { salt: '00112233445566778899aabbccddeeff', iterations: 5 };
export const testClock = new ManualClock(Date.UTC(2026, 0, 5, 9, 0, 0));

/** The beneficiary with the most claims, so paging has several pages. */
export const busiest: Beneficiary = [...testPopulation.beneficiaries].sort(
  (a, b) => b.eobs.length - a.eobs.length,
)[0] as Beneficiary;
