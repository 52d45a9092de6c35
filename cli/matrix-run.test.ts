import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Defect } from '../target/user-key.ts';
import { runMatrix } from './matrix.ts';
import { runMatrixRow, type MatrixRow } from './matrix-run.ts';

const settings = { seed: 1, population: 0, diagnose: false };

let dir: string | undefined;
afterEach(() => {
  vi.restoreAllMocks();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/**
 * A small mutation matrix on every change: a regression in detection (a scenario that stops
 * catching its defect, or a false alarm against `none`) fails the build. The full matrix is
 * `twinsub matrix`; `none` under 20 seeds is `npm run check:none-seeds`.
 */
describe('the default suite as a mutation matrix', { timeout: 300_000 }, () => {
  it.each<[Defect, string, string]>([
    ['truncate-uuid-96', 'violation', 'twins'],
    ['guarded-truncate-uuid-96', 'lock-out', 'twins'],
    ['case-insensitive-column', 'violation', 'twin-sets'],
    ['email-key', 'violation', 'twin-sets'],
    ['issuer-ignored', 'violation', 'twin-sets'],
    ['userinfo-sub-unchecked', 'violation', 'twin-sets'],
    ['first-login-race', 'violation', 'concurrent-logins'],
  ])('reports defect %s as %s, first caught by %s', async (defect, detectedAs, caughtBy) => {
    const row = await runMatrixRow(defect, settings);

    expect([row.detectedAs, row.caughtBy, row.pass]).toEqual([detectedAs, caughtBy, true]);
  });

  it(
    'finds nothing against none under seeds 1 to 3, seed by seed',
    { timeout: 600_000 },
    async () => {
      dir = mkdtempSync(join(tmpdir(), 'twinsub-matrix-'));
      const out = join(dir, 'none.json');
      const printed: string[] = [];
      vi.spyOn(console, 'log').mockImplementation((text: unknown) => void printed.push(`${text}`));

      const code = await runMatrix({
        defect: ['none'],
        seed: '1',
        seeds: '1-3',
        population: '0',
        diagnose: false,
        out,
      });

      expect(code).toBe(0);
      expect(printed.filter((text) => /^(ok|FAIL|total)/.test(text))).toEqual([
        'ok   none (seed 1): clean, 0 findings',
        'ok   none (seed 2): clean, 0 findings',
        'ok   none (seed 3): clean, 0 findings',
        'total none: clean under 3 of 3 seeds, 0 findings',
      ]);
      const written = JSON.parse(readFileSync(out, 'utf8')) as {
        seeds: number[];
        rows: MatrixRow[];
      };
      expect(written.seeds).toEqual([1, 2, 3]);
      expect(
        written.rows.map((r) => [r.seed, r.detectedAs, r.caughtBy, r.findings, r.pass]),
      ).toEqual([
        [1, 'missed', null, 0, true],
        [2, 'missed', null, 0, true],
        [3, 'missed', null, 0, true],
      ]);
    },
  );
});
