import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { SCENARIO_RESULT_ATTACHMENT, type ScenarioResult } from './scenario-result.ts';

/** Scenario specs write lines with this prefix to stdout to show how far they are. */
export const PROGRESS_PREFIX = '[twinsub] ';

/**
 * What a person watching the run sees: each scenario as it starts, its progress lines, and one
 * line with its counts when it ends.
 */
export default class ProgressReporter implements Reporter {
  onTestBegin(test: TestCase): void {
    write(`> ${label(test)}`);
  }

  onStdOut(chunk: string | Buffer): void {
    for (const line of chunk.toString().split('\n')) {
      if (line.startsWith(PROGRESS_PREFIX)) write(`  ${line.slice(PROGRESS_PREFIX.length)}`);
    }
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const attachment = result.attachments.find((a) => a.name === SCENARIO_RESULT_ATTACHMENT);
    if (!attachment?.body) {
      if (result.status === 'skipped') {
        const reason = test.annotations.find((a) => a.type === 'skip')?.description;
        write(`- ${label(test)}: skipped${reason ? ` (${reason})` : ''}`);
        return;
      }
      // eslint-disable-next-line no-control-regex
      const message = (result.errors[0]?.message ?? '').replace(/\u001b\[[0-9;]*m/g, '');
      write(`! ${label(test)}: could not run: ${message.split('\n')[0]}`);
      return;
    }
    const scenario = JSON.parse(attachment.body.toString('utf8')) as ScenarioResult;
    const mark = scenario.findings.length ? 'x' : 'ok';
    write(
      `${mark} ${label(test)}: ${scenario.logins} logins, ${scenario.requests} requests, ` +
        `${scenario.findings.length} findings (${(result.duration / 1000).toFixed(1)} s)`,
    );
  }

  printsToStdio(): boolean {
    return true;
  }
}

function label(test: TestCase): string {
  return `${test.title} [${test.parent.project()?.name ?? ''}]`;
}

function write(line: string): void {
  process.stdout.write(`${line}\n`);
}
