import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Results } from '../reporting/results.ts';
import {
  containerEngine,
  findContainerRuntime,
  imageExists,
  noAnswerMessage,
  noRuntimeMessage,
} from '../world/container-target.ts';

vi.setConfig({ testTimeout: 600_000 });

const ROOT = resolve(import.meta.dirname, '..');
const IMAGE = 'twinsub-reference-target:local';
const CONFIG = 'config/examples/reference-in-image.config.ts';
const TARGET_URL = 'http://127.0.0.1:4630';
const scratch = mkdtempSync(join(tmpdir(), 'twinsub-container-'));
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

/** Why the run against the image cannot happen on this machine, or undefined when it can. */
async function whyNot(): Promise<string | undefined> {
  const runtime = findContainerRuntime();
  if (runtime === undefined) {
    return 'no container runtime (no DOCKER_HOST, Docker or Podman socket); .ci/run installs podman';
  }
  const client = await containerEngine(TARGET_URL).catch(() => undefined);
  if (client === undefined) {
    return `the container runtime at ${runtime} does not answer; .ci/run starts podman's service`;
  }
  if (!(await imageExists(client, IMAGE))) {
    return `no image ${IMAGE} in the runtime at ${runtime}: build it with scripts/build-target-image.sh`;
  }
  return undefined;
}

describe('a target in a container image', () => {
  it('says in one sentence that no runtime was found, and how to use a URL instead', () => {
    expect(noRuntimeMessage(TARGET_URL)).toBe(
      'No container runtime found (no DOCKER_HOST, Docker or Podman socket), so the target ' +
        "image cannot start; run the target yourself and set target: { url: 'http://127.0.0.1:4630' } " +
        'instead.',
    );
  });

  it('exits 2 before any world starts when nothing answers on the runtime socket', () => {
    // A socket path with no engine behind it, like one left by a service that has ended.
    const socket = `unix://${join(scratch, 'ended-engine.sock')}`;
    const reportDir = join(scratch, 'no-answer');
    const { code, stdout, stderr } = twinsub(
      ['run', '--config', CONFIG, '--scenario', 'twins', '--report-dir', reportDir],
      { DOCKER_HOST: socket },
    );

    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`twinsub: ${noAnswerMessage(socket, TARGET_URL)}\n`);
    expect(noAnswerMessage(socket, TARGET_URL)).toBe(
      `No container runtime answers at ${socket}, so the target image cannot start; start the ` +
        'engine (for Podman: podman system service) or run the target yourself and set ' +
        "target: { url: 'http://127.0.0.1:4630' } instead.",
    );
  });

  it('runs the default suite clean against the reference target built as an image', async (context) => {
    const reason = await whyNot();
    if (reason !== undefined) {
      // The default reporter prints no skip notes: say it where the run's output shows it.
      process.stderr.write(`config/container-target.test.ts: image run skipped: ${reason}\n`);
      context.skip(reason);
    }

    // Every default scenario, each world starting its own container, one world at a time.
    const reportDir = join(scratch, 'image');
    const { code, stdout } = twinsub([
      'run',
      '--config',
      CONFIG,
      '--population',
      '6',
      '--report-dir',
      reportDir,
    ]);
    const results = JSON.parse(readFileSync(join(reportDir, 'results.json'), 'utf8')) as Results;

    expect({ code, errors: results.errors }).toEqual({ code: 0, errors: [] });
    expect(results.verdict).toBe('clean');
    expect(results.counts).toMatchObject({
      scenarios: 4,
      beneficiaries: 34,
      logins: 45,
      violations: 0,
      lockOuts: 0,
    });
    expect(results.scenarios.map((s) => s.scenario).sort()).toEqual([
      'concurrent-logins',
      'population',
      'twin-sets',
      'twins',
    ]);
    expect(stdout).toContain('verdict: CLEAN');
  });
});
