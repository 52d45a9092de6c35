import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Results } from '../reporting/results.ts';

// Each case is a real run: Playwright Test, a configured world with two identity systems, and
// the twin-sets scenario's logins over HTTP.
vi.setConfig({ testTimeout: 600_000 });

const ROOT = resolve(import.meta.dirname, '..');
const CONFIG = 'config/examples/two-issuers-by-command.config.ts';
const scratch = mkdtempSync(join(tmpdir(), 'twinsub-two-issuers-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function twinSets(defect: string) {
  const reportDir = join(scratch, defect);
  const result = spawnSync(
    process.execPath,
    [
      'bin/twinsub.mjs',
      'run',
      '--config',
      CONFIG,
      '--scenario',
      'twin-sets',
      '--report-dir',
      reportDir,
    ],
    {
      cwd: ROOT,
      env: { ...process.env, TWINSUB_EXAMPLE_DEFECT: defect },
      encoding: 'utf8',
      timeout: 600_000,
    },
  );
  const results = JSON.parse(readFileSync(join(reportDir, 'results.json'), 'utf8')) as Results;
  return { code: result.status, results };
}

describe('twinsub run --config with a target that trusts two identity systems', () => {
  it('logs the same sub in from both issuers, and finds nothing against the correct target', () => {
    const { code, results } = twinSets('none');

    expect(code).toBe(0);
    expect(results.counts).toMatchObject({ violations: 0, lockOuts: 0 });
    // Every twin-sets probe ran, the issuer probe among them: three logins each.
    expect(results.counts.logins).toBe(36);
    const ones = results.accounts.filter((a) => a.sub === '1');
    expect(ones.map((a) => [a.beneficiary, a.issuer])).toEqual([
      ['bene-0021', 'http://127.0.0.1:4410'],
      ['bene-0022', 'http://127.0.0.1:4412'],
    ]);
  });

  it("finds issuer-ignored: the second issuer's sub 1 receives the first one's data", () => {
    const { code, results } = twinSets('issuer-ignored');

    expect(code).toBe(1);
    const pairs = new Set(
      results.findings.map((f) =>
        f.kind === 'violation'
          ? `${f.viewer} ${f.viewerSub} at ${f.viewerIssuer} saw ${f.owner} ${f.ownerSub} at ${f.ownerIssuer}`
          : `${f.viewer} locked out`,
      ),
    );
    expect([...pairs]).toEqual([
      'bene-0022 1 at http://127.0.0.1:4412 saw bene-0021 1 at http://127.0.0.1:4410',
    ]);
  });
});
