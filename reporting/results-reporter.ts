import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type {
  FullResult,
  Reporter,
  TestCase,
  TestError,
  TestResult,
} from '@playwright/test/reporter';
import type { Results } from './results.ts';
import { SCENARIO_RESULT_ATTACHMENT, type ScenarioResult } from './scenario-result.ts';
import { settingsFromEnv } from '../scenarios/run-settings.ts';

interface ReporterOptions {
  outputFile: string;
}

/**
 * Collects the result each scenario attaches and writes `results.json`. A scenario that failed
 * without attaching a result did not run to the end: that is an error of the run, not a finding.
 */
export default class ResultsReporter implements Reporter {
  readonly #outputFile: string;
  readonly #startedAt = new Date();
  readonly #scenarios: Results['scenarios'] = [];
  readonly #findings: Results['findings'] = [];
  readonly #accounts: Results['accounts'] = [];
  readonly #errors: string[] = [];

  constructor(options: ReporterOptions) {
    this.#outputFile = options.outputFile;
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const attachment = result.attachments.find((a) => a.name === SCENARIO_RESULT_ATTACHMENT);
    const project = test.parent.project()?.name ?? '';
    if (!attachment?.body) {
      if (result.status === 'skipped') return;
      const message = result.errors.map(firstLine).find(Boolean);
      this.#errors.push(`${test.title} [${project}]: ${message ?? `ended ${result.status}`}`);
      return;
    }

    const scenario = JSON.parse(attachment.body.toString('utf8')) as ScenarioResult;
    const { findings, accounts, ...counts } = scenario;
    this.#scenarios.push({
      ...counts,
      project,
      status: result.status,
      durationMs: result.duration,
      findings: findings.length,
    });
    this.#findings.push(...findings.map((f) => ({ ...f, scenario: scenario.scenario })));
    this.#accounts.push(...accounts.map((a) => ({ ...a, scenario: scenario.scenario })));
  }

  onError(error: TestError): void {
    this.#errors.push(firstLine(error) ?? 'an error outside any scenario');
  }

  onEnd(result: FullResult): void {
    if (result.status === 'interrupted') this.#errors.push('the run was interrupted');
    if (this.#scenarios.length === 0 && this.#errors.length === 0) {
      this.#errors.push('no scenario ran: check --scenario and --driver');
    }
    const sum = (pick: (s: Results['scenarios'][number]) => number) =>
      this.#scenarios.reduce((total, s) => total + pick(s), 0);
    const results: Results = {
      schemaVersion: 1,
      verdict: this.#errors.length ? 'error' : this.#findings.length ? 'findings' : 'clean',
      settings: settingsFromEnv().record,
      startedAt: this.#startedAt.toISOString(),
      durationMs: Date.now() - this.#startedAt.getTime(),
      counts: {
        scenarios: this.#scenarios.length,
        beneficiaries: sum((s) => s.beneficiaries),
        logins: sum((s) => s.logins),
        requests: sum((s) => s.requests),
        violations: this.#findings.filter((f) => f.kind === 'violation').length,
        lockOuts: this.#findings.filter((f) => f.kind === 'lock-out').length,
      },
      scenarios: this.#scenarios,
      findings: this.#findings,
      accounts: this.#accounts,
      errors: this.#errors,
    };
    writeAtomically(this.#outputFile, `${JSON.stringify(results, null, 2)}\n`);
  }

  printsToStdio(): boolean {
    return false;
  }
}

/** A reader never sees half a file: write beside it, then rename over it. */
function writeAtomically(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const partial = `${path}.partial`;
  writeFileSync(partial, text);
  renameSync(partial, path);
}

function firstLine(error: TestError): string | undefined {
  // Playwright prefixes errors with ANSI colour codes; results.json is read by machines.
  // eslint-disable-next-line no-control-regex
  const text = (error.message ?? error.value ?? '').replace(/\u001b\[[0-9;]*m/g, '');
  return text
    .split('\n')
    .find((line) => line.trim())
    ?.trim();
}
