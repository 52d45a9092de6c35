// Prints the figures the README quotes. Not a test: nothing here passes or fails on time.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { browserDriver } from '../drivers/browser-driver.ts';
import type { Driver } from '../drivers/driver.ts';
import { protocolDriver } from '../drivers/protocol-driver.ts';
import type { Results } from '../reporting/results.ts';
import { loginThroughApp } from '../scenarios/login-through-app.ts';
import { startWorld } from '../world/start-world.ts';
import { startIdentityYardstick } from './identity-yardstick.ts';
import { processTreeMemory } from './process-tree-memory.ts';

const PROTOCOL_LOGINS = 60;
const BROWSER_LOGINS = 6;
const YARDSTICK_LOGINS = 200;

async function federatedLogins(driver: Driver, count: number) {
  const world = await startWorld({ seed: 11, populationSize: count + 1 });
  try {
    for (const beneficiary of world.population.beneficiaries) await world.enroll(beneficiary);
    const [warmup, ...measured] = world.population.beneficiaries;
    await loginThroughApp(driver, world.apps[0]!, warmup!, world.subjects.get(warmup!.key)!);
    const times: number[] = [];
    for (const [i, beneficiary] of measured.entries()) {
      const started = performance.now();
      const app = world.apps[i % world.apps.length]!;
      const login = await loginThroughApp(
        driver,
        app,
        beneficiary,
        world.subjects.get(beneficiary.key)!,
      );
      if (login.session?.state !== 'connected')
        throw new Error(`login of ${beneficiary.key} failed`);
      times.push(performance.now() - started);
    }
    return summary(times);
  } finally {
    await world.stop();
  }
}

async function yardstickLogins(count: number) {
  const yardstick = await startIdentityYardstick();
  const driver = protocolDriver();
  try {
    for (let i = 0; i <= count; i += 1) {
      yardstick.simulator.createAccount({ username: `user${i}`, password: 'pw' });
    }
    await driver.login({ startUrl: yardstick.startUrl, username: 'user0', password: 'pw' });
    const times: number[] = [];
    for (let i = 1; i <= count; i += 1) {
      const started = performance.now();
      await driver.login({ startUrl: yardstick.startUrl, username: `user${i}`, password: 'pw' });
      times.push(performance.now() - started);
    }
    return summary(times);
  } finally {
    await yardstick.stop();
  }
}

async function populationRun(size: number) {
  const reportDir = mkdtempSync(join(tmpdir(), 'twinsub-bench-'));
  const args = ['bin/twinsub.mjs', 'run', '--scenario', 'population', '--population', String(size)];
  const started = performance.now();
  const child = spawn(process.execPath, [...args, '--report-dir', reportDir], { stdio: 'ignore' });
  const peak = { rss: 0, pss: 0 };
  const poll = setInterval(() => {
    const now = processTreeMemory(child.pid!);
    peak.rss = Math.max(peak.rss, now.rss);
    peak.pss = Math.max(peak.pss, now.pss);
  }, 50);
  const code = await new Promise<number | null>((done) => child.once('exit', done));
  clearInterval(poll);
  const wallMs = performance.now() - started;
  const results = JSON.parse(readFileSync(join(reportDir, 'results.json'), 'utf8')) as Results;
  rmSync(reportDir, { recursive: true, force: true });
  return {
    code,
    wallMs,
    peakRssMb: peak.rss / 2 ** 20,
    peakPssMb: peak.pss / 2 ** 20,
    logins: results.counts.logins,
    verdict: results.verdict,
  };
}

function summary(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const total = times.reduce((a, b) => a + b, 0);
  return {
    n: times.length,
    perSecond: (times.length / total) * 1000,
    medianMs: sorted[Math.floor(sorted.length / 2)]!,
    maxMs: sorted[sorted.length - 1]!,
  };
}

const line = (label: string, s: ReturnType<typeof summary>) =>
  console.log(
    `${label.padEnd(44)} ${s.perSecond.toFixed(1).padStart(7)} /s  median ${s.medianMs.toFixed(0)} ms` +
      `  max ${s.maxMs.toFixed(0)} ms  (n=${s.n})`,
  );

// `--population-only`: just the 200-beneficiary run, to measure one change to it quickly.
const { values: flags } = parseArgs({ options: { 'population-only': { type: 'boolean' } } });

console.log(`twinsub bench on node ${process.version}, ${new Date().toISOString()}`);
if (!flags['population-only']) {
  line('yardstick: raw oidc-provider logins', await yardstickLogins(YARDSTICK_LOGINS));
  line(
    'federated login + app fetches, protocol',
    await federatedLogins(protocolDriver(), PROTOCOL_LOGINS),
  );
  const browser = await browserDriver();
  try {
    line('federated login + app fetches, browser', await federatedLogins(browser, BROWSER_LOGINS));
  } finally {
    await browser.stop();
  }
}
const run = await populationRun(200);
console.log(
  `twinsub run, population 200, protocol: wall ${(run.wallMs / 1000).toFixed(1)} s, ` +
    `peak memory of the process tree ${run.peakPssMb.toFixed(0)} MB (PSS; RSS summed over its ` +
    `processes ${run.peakRssMb.toFixed(0)} MB), ${run.logins} logins, verdict ${run.verdict}`,
);
