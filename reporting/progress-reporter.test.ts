import type { TestCase, TestResult } from '@playwright/test/reporter';
import { describe, expect, it, vi } from 'vitest';
import ProgressReporter from './progress-reporter.ts';

const test = {
  id: 't1',
  title: 'a population each see only their own data',
  parent: { project: () => ({ name: 'protocol' }) },
  annotations: [],
} as unknown as TestCase;

function result(attachments: TestResult['attachments'] = []): TestResult {
  return {
    startTime: new Date(0),
    duration: 12_000,
    status: 'passed',
    errors: [],
    attachments,
  } as unknown as TestResult;
}

function run(bar: boolean): string {
  let out = '';
  let now = 0;
  const reporter = new ProgressReporter({
    bar,
    write: (t) => (out += t),
    now: () => now,
    columns: 200,
  });
  reporter.onTestBegin(test);
  now = 10_000;
  reporter.onStdOut('[twinsub] population: 4 accounts over one simulated day\n', test, result());
  reporter.onStdOut('[twinsub] population: 2/4 logins\n', test, result());
  now = 12_000;
  reporter.onStdOut('[twinsub] population: 4/4 logins\nnot ours\n', test, result());
  const body = JSON.stringify({ logins: 4, requests: 90, findings: [] });
  reporter.onTestEnd(
    test,
    result([{ name: 'twinsub-result', contentType: 'application/json', body: Buffer.from(body) }]),
  );
  reporter.onEnd();
  return out;
}

describe('ProgressReporter', () => {
  it('writes plain lines with the rate when the output is not a terminal', () => {
    expect(run(false)).toBe(
      [
        '> a population each see only their own data [protocol]',
        '  population: 4 accounts over one simulated day',
        '  population: 2/4 logins (0.2 logins/s)',
        '  population: 4/4 logins (1.0 logins/s)',
        'ok a population each see only their own data [protocol]: 4 logins, 90 requests, 0 findings (12.0 s)',
        '',
      ].join('\n'),
    );
  });

  it('redraws one bar in place on a terminal and clears it before other lines', () => {
    const clear = '\r\u001b[2K';
    expect(run(true)).toBe(
      [
        '> a population each see only their own data [protocol]\n',
        '  population: 4 accounts over one simulated day\n',
        `${clear}population [############------------] 2/4 logins  0.2/s  ETA 10 s`,
        `${clear}population [########################] 4/4 logins  1.0/s`,
        clear,
        'ok a population each see only their own data [protocol]: 4 logins, 90 requests, 0 findings (12.0 s)\n',
      ].join(''),
    );
  });

  it('counts the time left down between progress lines', () => {
    vi.useFakeTimers();
    try {
      let out = '';
      let now = 0;
      const reporter = new ProgressReporter({
        bar: true,
        write: (t) => (out += t),
        now: () => now,
      });
      reporter.onBegin();
      now = 10_000;
      reporter.onStdOut('[twinsub] population: 2/4 logins\n', test, result());
      now = 14_000;
      vi.advanceTimersByTime(1000);
      expect(out.split('\r\u001b[2K').at(-1)).toBe(
        'population [############------------] 2/4 logins  0.2/s  ETA 6 s',
      );
      reporter.onEnd();
    } finally {
      vi.useRealTimers();
    }
  });
});
