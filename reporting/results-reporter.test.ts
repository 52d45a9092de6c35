import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { REPORT_DIR_MARKER } from './report-dir-marker.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FullConfig, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ResultsReporter, { REPORT_ANNOTATION } from './results-reporter.ts';
import type { Results } from './results.ts';
import type { ScenarioResult } from './scenario-result.ts';
import { validateResults } from './validate-results.ts';

const recorded = JSON.parse(
  readFileSync(new URL('./testdata/leaking/results.json', import.meta.url), 'utf8'),
) as Results;

/** The twins scenario's result as the spec attached it in the recorded run. */
const twins: ScenarioResult = {
  scenario: 'twins',
  driver: 'protocol',
  beneficiaries: 2,
  logins: 2,
  requests: 48,
  findings: recorded.findings
    .filter((f) => f.scenario === 'twins')
    .map(({ scenario: _s, ...f }) => f),
  accounts: recorded.accounts
    .filter((a) => a.scenario === 'twins')
    .map(({ scenario: _s, ...a }) => a),
};

/** What other parts will attach once they can: logins, a diagnosis and collision counts. */
const probed: ScenarioResult = {
  ...twins,
  loginOutcomes: [
    { beneficiary: 'bene-0001', app: 'app-1', outcome: 'connected' },
    { beneficiary: 'bene-0002', app: 'app-2', outcome: 'connected' },
  ],
  diagnosis: {
    transform: 'slice(9, 36)',
    summary: 'positions 0-8 ignored: the target keeps characters 9..36',
    sub: '0098ba20-ea14-11f0-bfda-6b03f7e67fd0',
    ignored: [0, 1, 2, 3, 4, 5, 6, 7, 8],
  },
  collisions: [
    {
      scheme: 'uuid-v1',
      transform: 'slice(9, 36)',
      points: [{ population: 2, expected: 1, observed: 1 }],
    },
  ],
};

const test = {
  id: 'twins-1',
  title: 'twins in one UUID v1 window each see only their own data',
  location: { file: '/work/main/scenarios/twins.spec.ts', line: 7, column: 1 },
  parent: { project: () => ({ name: 'protocol' }) },
} as unknown as TestCase;

function result(status: TestResult['status'], attachments: TestResult['attachments']) {
  return {
    status,
    duration: 17_000,
    errors:
      status === 'failed'
        ? [{ message: '\u001b[31mTimeoutError: locator.fill\u001b[39m\nat x' }]
        : [],
    attachments,
    annotations: [],
  } as unknown as TestResult;
}

let dir: string;
let env: NodeJS.ProcessEnv;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'twinsub-results-'));
  env = { ...process.env };
  Object.assign(process.env, {
    TWINSUB_DEFECT: 'truncate-uuid-96',
    TWINSUB_POPULATION: '0',
    TWINSUB_REPORT_DIR: dir,
  });
});
afterEach(() => {
  process.env = env;
  rmSync(dir, { recursive: true, force: true });
});

function run(testResult: TestResult): Results {
  const reporter = new ResultsReporter({ outputFile: join(dir, 'results.json') });
  reporter.onBegin({} as FullConfig, { allTests: () => [test] } as unknown as Suite);
  reporter.onTestEnd(test, testResult);
  reporter.onEnd({ status: 'failed' } as Parameters<ResultsReporter['onEnd']>[0]);
  return JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as Results;
}

describe('ResultsReporter', () => {
  it('writes a valid results.json, the report and junit.xml, and links the report back', () => {
    const body = Buffer.from(JSON.stringify(twins));
    const png = Buffer.from('89504e470d0a1a0a', 'hex');
    const testResult = result('failed', [
      { name: 'twinsub-result', contentType: 'application/json', body },
      { name: 'last page of bene-0002-app-2', contentType: 'image/png', body: png },
    ]);
    const results = run(testResult);

    expect(validateResults(results)).toEqual([]);
    expect(results.verdict).toBe('findings');
    expect(results.counts).toEqual({
      scenarios: 1,
      beneficiaries: 2,
      logins: 2,
      requests: 48,
      violations: 14,
      lockOuts: 0,
    });
    expect(results.reproduce).toEqual([
      'npx twinsub run --target reference --defect truncate-uuid-96 --driver protocol ' +
        `--scenario twins --population 0 --seed 1 --scheme uuid-v1 --report-dir ${dir}`,
    ]);
    expect(results.scenarios[0]!.screenshots).toEqual([
      {
        name: 'last page of bene-0002-app-2',
        path: 'screenshots/twins-protocol/last-page-of-bene-0002-app-2.png',
      },
    ]);
    expect(readFileSync(join(dir, results.scenarios[0]!.screenshots![0]!.path))).toEqual(png);
    expect(testResult.annotations).toEqual([
      { type: REPORT_ANNOTATION, description: pathToFileURL(join(dir, 'report.html')).href },
    ]);
    expect(existsSync(join(dir, 'report.html'))).toBe(true);
    expect(readFileSync(join(dir, 'junit.xml'), 'utf8')).toContain(
      `name="bene-0002 received bene-0001's data through app-2 (token /v2/o/token/)"`,
    );
    // A plain `playwright test` marks the folder too, so `twinsub run` may write there later.
    expect(existsSync(join(dir, REPORT_DIR_MARKER))).toBe(true);
  });

  it('records a scenario that ended without a result as an error of the run', () => {
    const testResult = result('failed', []);
    const results = run(testResult);
    expect(validateResults(results)).toEqual([]);
    expect(testResult.annotations.map((a) => a.type)).toEqual([REPORT_ANNOTATION]);
    expect(results.verdict).toBe('error');
    expect(results.errors).toEqual([
      'twins in one UUID v1 window each see only their own data [protocol]: ' +
        'TimeoutError: locator.fill',
    ]);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('TimeoutError: locator.fill');
  });

  it('carries logins, the diagnosis and collisions into results.json when a scenario has them', () => {
    const body = Buffer.from(JSON.stringify(probed));
    const results = run(
      result('failed', [{ name: 'twinsub-result', contentType: 'application/json', body }]),
    );
    expect(validateResults(results)).toEqual([]);
    expect(results.logins).toEqual([
      { beneficiary: 'bene-0001', app: 'app-1', outcome: 'connected', scenario: 'twins' },
      { beneficiary: 'bene-0002', app: 'app-2', outcome: 'connected', scenario: 'twins' },
    ]);
    expect(results.diagnosis).toEqual({ ...probed.diagnosis, scenario: 'twins' });
    expect(results.collisions).toEqual(probed.collisions);
    expect(Object.keys(results.scenarios[0]!)).not.toContain('loginOutcomes');
    const page = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(page).toContain('<h2>Diagnosis: slice(9, 36)</h2>');
    expect(page).toContain('<td class="cell clean">logged in (connected)</td>');
  });
});
