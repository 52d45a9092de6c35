import { describe, expect, it } from 'vitest';
import { runMatrixRow } from './matrix-run.ts';

const settings = { seed: 1, population: 0, diagnose: false };

/**
 * A small mutation matrix on every change: a regression in detection (a scenario that stops
 * catching its defect, or a false alarm against `none`) fails the build. The full matrix is
 * `twinsub matrix`.
 */
describe('the default suite as a mutation matrix', { timeout: 300_000 }, () => {
  it.each([
    ['none', 'missed', null],
    ['truncate-uuid-96', 'violation', 'twins'],
    ['guarded-truncate-uuid-96', 'lock-out', 'twins'],
    ['case-insensitive-column', 'violation', 'twin-sets'],
    ['email-key', 'violation', 'twin-sets'],
  ])('reports defect %s as %s, first caught by %s', async (defect, detectedAs, caughtBy) => {
    const row = await runMatrixRow(defect, settings);

    expect([row.detectedAs, row.caughtBy, row.pass]).toEqual([detectedAs, caughtBy, true]);
  });
});
