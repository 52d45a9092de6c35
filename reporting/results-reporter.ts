import { basename, dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type {
  FullConfig,
  FullResult,
  Reporter,
  Suite,
  TestCase,
  TestError,
  TestResult,
} from '@playwright/test/reporter';
import { REPORT_LINKS } from '../report/report-links.ts';
import { renderReportFor } from '../report/write-report.ts';
import { settingsFromEnv } from '../scenarios/run-settings.ts';
import { renderJunit } from './junit-report.ts';
import { reproduceCommand } from './reproduce-command.ts';
import type { Results, ScenarioSummary } from './results.ts';
import { markIfReportDir } from './report-dir-marker.ts';
import { writeAtomically } from './write-atomically.ts';
import { SCENARIO_RESULT_ATTACHMENT, type ScenarioResult } from './scenario-result.ts';

interface ReporterOptions {
  /** `results.json`; the isolation report and junit.xml are written beside it. */
  outputFile: string;
}

/** Browser logins attach their last page under this name prefix (`scenarios/scenario-test.ts`). */
const SCREENSHOT_PREFIX = 'last page of ';

/** Annotation through which Playwright's HTML report links each scenario to the isolation report. */
export const REPORT_ANNOTATION = 'twinsub isolation report';

/**
 * Collects the result each scenario attaches and writes `results.json`, then the isolation report
 * and JUnit XML from it. A scenario that failed without attaching a result did not run to the end:
 * that is an error of the run, not a finding.
 */
export default class ResultsReporter implements Reporter {
  readonly #outputFile: string;
  readonly #reportDir: string;
  readonly #startedAt = new Date();
  readonly #planned = new Map<string, Set<string>>();
  readonly #scenarios: Results['scenarios'] = [];
  readonly #findings: Results['findings'] = [];
  readonly #accounts: Results['accounts'] = [];
  readonly #logins: NonNullable<Results['logins']> = [];
  #loginsRecorded = false;
  #diagnosis: Results['diagnosis'];
  readonly #collisions: NonNullable<Results['collisions']> = [];
  readonly #errors: string[] = [];

  constructor(options: ReporterOptions) {
    this.#outputFile = options.outputFile;
    this.#reportDir = dirname(options.outputFile);
  }

  onBegin(_config: FullConfig, suite: Suite): void {
    // A plain `playwright test` writes here too: a later `twinsub run` may reuse the folder.
    markIfReportDir(this.#reportDir);
    // What was asked for, not what finished: the command must repeat a run that failed half-way.
    for (const test of suite.allTests()) {
      const project = test.parent.project()?.name ?? '';
      const scenario = basename(test.location.file).replace(/\.spec\.ts$/, '');
      this.#planned.set(project, (this.#planned.get(project) ?? new Set()).add(scenario));
    }
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const attachment = result.attachments.find((a) => a.name === SCENARIO_RESULT_ATTACHMENT);
    const project = test.parent.project()?.name ?? '';
    if (result.status === 'skipped') return;
    // Reporters see one shared result object, and the HTML reporter (listed after this one)
    // renders result annotations: this is the way back from Playwright's report to ours.
    result.annotations.push({
      type: REPORT_ANNOTATION,
      description: pathToFileURL(join(this.#reportDir, REPORT_LINKS.report)).href,
    });
    if (!attachment?.body) {
      const message = result.errors.map(firstLine).find(Boolean);
      this.#errors.push(`${test.title} [${project}]: ${message ?? `ended ${result.status}`}`);
      return;
    }

    const scenario = JSON.parse(attachment.body.toString('utf8')) as ScenarioResult;
    const { findings, accounts, loginOutcomes, diagnosis, collisions, ...counts } = scenario;
    const summary: ScenarioSummary = {
      ...counts,
      project,
      status: result.status,
      durationMs: result.duration,
      findings: findings.length,
      testId: test.id,
    };
    const screenshots = this.#screenshotsOf(result, `${scenario.scenario}-${project}`);
    if (screenshots.length) summary.screenshots = screenshots;
    const trace = result.attachments.find((a) => a.name === 'trace' && a.path);
    if (trace?.path) summary.trace = relative(this.#reportDir, trace.path);
    this.#scenarios.push(summary);
    this.#findings.push(...findings.map((f) => ({ ...f, scenario: scenario.scenario })));
    this.#accounts.push(...accounts.map((a) => ({ ...a, scenario: scenario.scenario })));
    if (diagnosis && !this.#diagnosis) {
      this.#diagnosis = { ...diagnosis, scenario: scenario.scenario };
    }
    if (collisions) this.#collisions.push(...collisions);
    if (loginOutcomes) {
      this.#loginsRecorded = true;
      this.#logins.push(...loginOutcomes.map((l) => ({ ...l, scenario: scenario.scenario })));
    }
  }

  onError(error: TestError): void {
    this.#errors.push(firstLine(error) ?? 'an error outside any scenario');
  }

  onEnd(result: FullResult): void {
    // Errors of scenarios cut off by an interrupt are its echoes (their world was stopped under
    // them); the interrupt itself is the one thing to say.
    if (result.status === 'interrupted')
      this.#errors.splice(0, Infinity, 'the run was interrupted');
    if (this.#scenarios.length === 0 && this.#errors.length === 0) {
      this.#errors.push('no scenario ran: check --scenario and --driver');
    }
    const sum = (pick: (s: Results['scenarios'][number]) => number) =>
      this.#scenarios.reduce((total, s) => total + pick(s), 0);
    const settings = settingsFromEnv().record;
    const results: Results = {
      schemaVersion: 1,
      // A leak found is a leak, even if another scenario could not run: CI must fail on it.
      verdict: this.#findings.length ? 'findings' : this.#errors.length ? 'error' : 'clean',
      settings,
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
      reproduce: [...this.#planned].map(([driver, scenarios]) =>
        reproduceCommand({ settings, driver, scenarios: [...scenarios] }),
      ),
      ...(this.#loginsRecorded ? { logins: this.#logins } : {}),
      ...(this.#diagnosis ? { diagnosis: this.#diagnosis } : {}),
      ...(this.#collisions.length ? { collisions: this.#collisions } : {}),
    };
    writeAtomically(this.#outputFile, `${JSON.stringify(results, null, 2)}\n`);
    writeAtomically(join(this.#reportDir, REPORT_LINKS.junit), renderJunit(results));
    writeAtomically(
      join(this.#reportDir, REPORT_LINKS.report),
      renderReportFor(results, this.#reportDir),
    );
  }

  printsToStdio(): boolean {
    return false;
  }

  /** Screenshot paths relative to the report directory; inline ones are written out first. */
  #screenshotsOf(result: TestResult, folder: string): { name: string; path: string }[] {
    const shots = [];
    for (const attachment of result.attachments) {
      if (!attachment.name.startsWith(SCREENSHOT_PREFIX)) continue;
      let path = attachment.path;
      if (!path && attachment.body) {
        path = join(
          this.#reportDir,
          REPORT_LINKS.screenshots,
          folder,
          `${safeName(attachment.name)}.png`,
        );
        writeAtomically(path, attachment.body);
      }
      if (path) shots.push({ name: attachment.name, path: relative(this.#reportDir, path) });
    }
    return shots;
  }
}

function safeName(name: string): string {
  return name.replace(/[^\w.-]+/g, '-');
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
