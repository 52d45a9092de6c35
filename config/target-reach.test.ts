import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Results } from '../reporting/results.ts';
import { waitUntilHealthy } from '../world/external-target.ts';

// Each case is a real run: Playwright Test, a configured world and logins over HTTP.
vi.setConfig({ testTimeout: 600_000 });

const ROOT = resolve(import.meta.dirname, '..');
const scratch = mkdtempSync(join(tmpdir(), 'twinsub-config-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function twinsub(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['bin/twinsub.mjs', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 600_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `twinsub run --config`; the twins scenario unless `scenarios` names others. */
function run(config: string, name: string, scenarios = ['--scenario', 'twins']) {
  const reportDir = join(scratch, name);
  const outcome = twinsub(['run', '--config', config, ...scenarios, '--report-dir', reportDir]);
  const read = () => JSON.parse(readFileSync(join(reportDir, 'results.json'), 'utf8')) as Results;
  return { ...outcome, results: read };
}

/** The reference target as a long-running Blue Button-shaped server speaking SLSx. */
async function startSlsxTarget(defect: string) {
  const child = spawn(
    process.execPath,
    [
      'bin/twinsub.mjs',
      'target',
      '--port=4230',
      '--identity-protocol=slsx',
      '--identity-url=http://127.0.0.1:4210',
      '--identity-client-id=bb2api',
      '--identity-client-secret=bb2-secret',
      '--backend-url=http://127.0.0.1:4220',
      `--defect=${defect}`,
      '--app',
      'app-one,app-one-secret,http://127.0.0.1:4241/callback',
      'app-two,app-two-secret,http://127.0.0.1:4242/callback',
    ],
    { cwd: ROOT, stdio: 'ignore' },
  );
  const exited = new Promise<number | null>((done) => child.once('exit', done));
  await waitUntilHealthy('http://127.0.0.1:4230/', 60_000, exited);
  return {
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * The default suite with `--population 6` against a clean target with one identity provider.
 * Logins: twins 2, twin-sets 33 (no issuer pair with one identity provider), concurrent logins 4,
 * population 6.
 */
const DEFAULT_SUITE_COUNTS = {
  scenarios: 4,
  beneficiaries: 34,
  logins: 45,
  violations: 0,
  lockOuts: 0,
};

describe('twinsub run --config', () => {
  it('names every mistake in the configuration at once and exits 2', () => {
    const { code, stdout, stderr } = twinsub([
      'run',
      '--config',
      'config/testdata/mistakes.config.ts',
      '--report-dir',
      join(scratch, 'mistakes'),
    ]);

    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      [
        `twinsub: Invalid configuration ${ROOT}/config/testdata/mistakes.config.ts:`,
        'twinsub: target.url must be an http(s) URL (got undefined)',
        "twinsub: identityProtocol must be one of oidc, slsx (got 'saml')",
        'twinsub: apps[1].redirectUri must be http://127.0.0.1:<port>/callback, where twinsub ' +
          "plays the app (got 'http://localhost:4342/back')",
        '',
      ].join('\n'),
    );
  });

  it('names a consent selector that matches nothing on the consent page and exits 2', () => {
    const { code, stdout, results } = run('config/testdata/wrong-consent.config.ts', 'consent');

    expect(code).toBe(2);
    expect(results().verdict).toBe('error');
    expect(stdout).toContain(
      "consent.approve must match an element inside consent.form on the consent page (got '#approve-all': it matches nothing)",
    );
  });

  it('runs the default suite against the reference target started by command', () => {
    // Every default scenario, with a population small enough for CI.
    const suite = ['--population', '6'];
    const { code, results } = run('config/examples/reference-by-command.config.ts', 'cmd', suite);

    expect(code).toBe(0);
    expect(results().verdict).toBe('clean');
    expect(results().counts).toMatchObject(DEFAULT_SUITE_COUNTS);
  });

  it('runs the default suite with the Blue Button profile at a URL and finds nothing', async () => {
    const target = await startSlsxTarget('none');
    try {
      // The default suite: a target that outlives each world must still come out clean.
      const suite = ['--population', '6'];
      const config = 'config/examples/blue-button-by-url.config.ts';
      const { code, results } = run(config, 'url-none', suite);

      expect(code).toBe(0);
      expect(results().verdict).toBe('clean');
      expect(results().counts).toMatchObject(DEFAULT_SUITE_COUNTS);
    } finally {
      await target.stop();
    }
  });

  it('with the Blue Button profile at a URL, finds the 2018 truncation', async () => {
    const target = await startSlsxTarget('truncate-uuid-96');
    try {
      const { code, results } = run('config/examples/blue-button-by-url.config.ts', 'url-96');

      expect(code).toBe(1);
      expect(results().verdict).toBe('findings');
      expect(results().counts).toMatchObject({ logins: 2, violations: 10, lockOuts: 0 });
    } finally {
      await target.stop();
    }
  });
});
