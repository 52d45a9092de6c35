import { spawnSync } from 'node:child_process';
import { DEFECTS } from '../target/user-key.ts';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Results } from '../reporting/results.ts';
import { validateResults } from '../reporting/validate-results.ts';

// Each case is a real run: Playwright Test, a started world, and logins; a run with findings
// then starts the sensitivity probe's world and logs in its 58 accounts.
vi.setConfig({ testTimeout: 480_000 });

const ROOT = resolve(import.meta.dirname, '..');
const scratch = mkdtempSync(join(tmpdir(), 'twinsub-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function twinsub(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['bin/twinsub.mjs', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 480_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function results(dir: string): Results {
  return JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as Results;
}

describe('twinsub run', () => {
  it('names every bad option at once and exits 2', () => {
    const { code, stderr } = twinsub([
      'run',
      '--defect',
      'nope',
      '--driver',
      'car',
      '--seed',
      '1x',
      '--report-dir',
      join(scratch, 'bad-options'),
    ]);

    expect(code).toBe(2);
    expect(stderr).toBe(
      [
        `twinsub: --defect must be one of ${DEFECTS.join(', ')} (got 'nope')`,
        "twinsub: --driver must be one of protocol, browser (got 'car')",
        "twinsub: --seed must be a whole number from 0 to 2147483647 (got '1x')",
        '',
      ].join('\n'),
    );
  });

  it("exits 2 on an unknown option, with commander's message", () => {
    const { code, stderr } = twinsub(['run', '--colour', 'red']);

    expect(code).toBe(2);
    expect(stderr).toContain("error: unknown option '--colour'");
  });

  it('exits 0 with a clean verdict against the correct target', () => {
    const dir = join(scratch, 'clean');
    const { code } = twinsub(['run', '--scenario', 'twins', '--report-dir', dir]);

    expect(code).toBe(0);
    expect(results(dir)).toMatchObject({
      verdict: 'clean',
      counts: { scenarios: 1, beneficiaries: 2, logins: 2, violations: 0, lockOuts: 0 },
      findings: [],
      errors: [],
    });
  });

  // The protocol run is diagnosed (the sensitivity probe's world and logins); the browser run
  // shows that --no-diagnose leaves the diagnosis out.
  it.each(['protocol', 'browser'])(
    "exits 1 with the twins' violation in results.json, driver %s",
    (driver) => {
      const dir = join(scratch, `leak-${driver}`);
      const { code, stdout } = twinsub([
        'run',
        '--defect',
        'truncate-uuid-96',
        '--driver',
        driver,
        '--scenario',
        'twins',
        '--report-dir',
        dir,
        ...(driver === 'browser' ? ['--no-diagnose'] : []),
      ]);

      const run = results(dir);
      const [second, first] = ['bene-0002', 'bene-0001'].map(
        (key) => run.accounts.find((a) => a.beneficiary === key)!.sub,
      );
      expect(code).toBe(1);
      expect(run.verdict).toBe('findings');
      expect(run.settings).toMatchObject({ defect: 'truncate-uuid-96', seed: 1 });
      expect(run.findings[0]).toMatchObject({
        kind: 'violation',
        viewer: 'bene-0002',
        viewerSub: second,
        owner: 'bene-0001',
        ownerSub: first,
        app: 'app-2',
        channel: 'token',
        scenario: 'twins',
      });
      expect(
        new Set(run.findings.map((f) => `${f.viewer}>${f.kind === 'violation' && f.owner}`)),
      ).toEqual(new Set(['bene-0002>bene-0001']));
      expect(stdout).toContain("violation: bene-0002 received bene-0001's data through app-2");
      if (driver === 'browser') {
        expect(run.diagnosis).toBeUndefined();
        return;
      }
      const summary =
        'positions 0-8 ignored: the target keeps characters 9..36 ' +
        "(slice:9:36, Blue Button 2.0's 2018 cut: time_low and its hyphen dropped); " +
        'the issuer ignored: the same sub from two identity providers is one user';
      expect(validateResults(run)).toEqual([]);
      expect(run.diagnosis).toMatchObject({
        scenario: 'sensitivity-probe',
        transform: 'slice:9:36+drop-issuer',
        summary,
        ignored: [0, 1, 2, 3, 4, 5, 6, 7, 8],
      });
      expect(run.diagnosis!.differences!.filter((d) => d.ignored)).toEqual([
        {
          difference: 'a space after',
          ignored: true,
          subs: [run.diagnosis!.sub, `${run.diagnosis!.sub} `],
        },
        {
          difference: 'the same sub from the other identity provider (issuer)',
          ignored: true,
          subs: [run.diagnosis!.sub, run.diagnosis!.sub],
        },
      ]);
      expect(stdout).toContain(`diagnosis: slice:9:36+drop-issuer: ${summary}`);
      expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain(
        '<h2>Diagnosis: slice:9:36+drop-issuer</h2>',
      );
    },
  );

  it("removes an earlier run's screenshots from a report folder it reuses", () => {
    const dir = join(scratch, 'reused');
    const browser = twinsub([
      'run',
      '--driver',
      'browser',
      '--scenario',
      'twins',
      '--report-dir',
      dir,
    ]);
    const shots = existsSync(join(dir, 'screenshots', 'twins-browser'));
    const protocol = twinsub(['run', '--scenario', 'twins', '--report-dir', dir]);

    expect([browser.code, shots, protocol.code]).toEqual([0, true, 0]);
    expect(existsSync(join(dir, 'screenshots'))).toBe(false);
  });

  it("exits 2 and says why when the target's database cannot be reached", () => {
    const dir = join(scratch, 'no-db');
    const { code, stdout } = twinsub(['run', '--scenario', 'twins', '--report-dir', dir], {
      DATABASE_URL: 'postgres://twinsub@127.0.0.1:1/none',
    });

    expect(code).toBe(2);
    expect(results(dir).verdict).toBe('error');
    expect(stdout).toContain(
      'Failed to connect to DATABASE_URL postgres://twinsub@127.0.0.1:1/none',
    );
  });
});

describe('twinsub matrix', () => {
  it('names every bad option at once, exits 2 and runs nothing', () => {
    const file = join(scratch, 'a-file');
    writeFileSync(file, 'x');
    const { code, stdout, stderr } = twinsub([
      'matrix',
      '--defect',
      'bogus',
      '--seeds',
      '5-1',
      '--population',
      'x',
      '--out',
      join(file, 'matrix.json'),
    ]);

    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toBe(
      [
        `twinsub: --defect must be one of ${DEFECTS.join(', ')} (got 'bogus')`,
        "twinsub: --seeds must be seeds from 0 to 2147483647 or ranges of them such as 1-20 or 1,5,9 (got '5-1')",
        "twinsub: --population must be a whole number from 0 to 10000 (got 'x')",
        `twinsub: --out must be a file twinsub can write (got '${join(file, 'matrix.json')}': ENOTDIR)`,
        '',
      ].join('\n'),
    );
  });

  // Node's own recursive mkdir spins forever on such a path (core/make-directory.ts).
  it.skipIf(!existsSync('/proc/self'))('ends at once on an --out under /proc', () => {
    const { code, stderr } = twinsub(['matrix', '--out', '/proc/twinsub-none/matrix.json']);

    expect([code, stderr]).toEqual([
      2,
      "twinsub: --out must be a file twinsub can write (got '/proc/twinsub-none/matrix.json': ENOENT)\n",
    ]);
  });
});

describe('twinsub serve', () => {
  let busy: Server | undefined;
  afterAll(() => busy?.close());

  it('refuses a port in use before starting anything, naming the option', async () => {
    busy = createServer();
    const port = await new Promise<number>((done) =>
      busy!.listen(0, '127.0.0.1', () => done((busy!.address() as { port: number }).port)),
    );

    const { code, stderr } = twinsub(['serve', '--target-port', String(port)]);

    expect(code).toBe(2);
    expect(stderr).toBe(
      `twinsub: --target-port must be a free port (got ${port}: already in use); choose another or 0\n`,
    );
  });
});
