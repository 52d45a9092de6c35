import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { renderProgressBar, renderProgressLine } from './progress-bar.ts';
import { parseProgress, ProgressMeter, type ProgressState } from './progress-meter.ts';
import { SCENARIO_RESULT_ATTACHMENT, type ScenarioResult } from './scenario-result.ts';

/** Scenario specs write lines with this prefix to stdout to show how far they are. */
export const PROGRESS_PREFIX = '[twinsub] ';

/** How often the bar redraws between progress lines, so its time left counts down. */
const TICK_MS = 1000;

/** Erase the terminal line the cursor is on and return to its start. */
const CLEAR_LINE = '\r\u001b[2K';

interface ProgressReporterOptions {
  /** Draw a live bar (default: when stdout is a terminal and CI is unset) or plain lines. */
  bar?: boolean;
  /** Where lines go (default: process.stdout); tests pass their own. */
  write?: (text: string) => void;
  /** Milliseconds since the epoch (default: Date.now); tests pass their own. */
  now?: () => number;
  /** Terminal width in columns, for the bar. */
  columns?: number;
}

/**
 * What a person watching the run sees: each scenario as it starts, its messages, counted progress
 * as a live bar with rate and ETA on a terminal (plain lines with the rate elsewhere, so CI logs
 * stay readable), and one line with its counts when it ends.
 */
export default class ProgressReporter implements Reporter {
  readonly #bar: boolean;
  readonly #write: (text: string) => void;
  readonly #now: () => number;
  readonly #columns: number;
  readonly #meter = new ProgressMeter();
  /** Live counted tasks by label, and the test each belongs to. */
  readonly #live = new Map<string, { state: ProgressState; testId: string; at: number }>();
  #barShown = false;
  #ticker: ReturnType<typeof setInterval> | undefined;

  constructor(options: ProgressReporterOptions = {}) {
    this.#bar = options.bar ?? Boolean(process.stdout.isTTY && !process.env.CI);
    this.#write = options.write ?? ((text) => void process.stdout.write(text));
    this.#now = options.now ?? Date.now;
    this.#columns = options.columns ?? process.stdout.columns ?? 100;
  }

  onBegin(): void {
    // Scenarios report every few dozen logins; between reports the time left still counts down.
    if (this.#bar) this.#ticker = setInterval(() => this.#drawBar(), TICK_MS).unref();
  }

  onTestBegin(test: TestCase): void {
    this.#line(`> ${label(test)}`);
  }

  onStdOut(chunk: string | Buffer, test?: TestCase, result?: TestResult): void {
    for (const line of chunk.toString().split('\n')) {
      if (!line.startsWith(PROGRESS_PREFIX)) continue;
      const text = line.slice(PROGRESS_PREFIX.length);
      const sample = parseProgress(text);
      if (!sample) {
        this.#line(`  ${text}`);
        continue;
      }
      if (!this.#live.has(sample.label) && result) {
        this.#meter.begin(sample.label, result.startTime.getTime());
      }
      const state = this.#meter.update(sample, this.#now());
      this.#live.set(sample.label, { state, testId: test?.id ?? '', at: this.#now() });
      if (this.#bar) this.#drawBar();
      else if (isMilestone(sample)) this.#line(`  ${renderProgressLine(state)}`);
    }
  }

  // What parts write to stderr is diagnostics (DEBUG=twinsub:* logging among it): pass it on.
  onStdErr(chunk: string | Buffer): void {
    process.stderr.write(chunk);
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    for (const [name, task] of this.#live) if (task.testId === test.id) this.#live.delete(name);
    this.#line(endLine(test, result));
  }

  onEnd(): void {
    clearInterval(this.#ticker);
    this.#live.clear();
    this.#clearBar();
  }

  printsToStdio(): boolean {
    return true;
  }

  /** A line of its own: the bar steps aside, the line is written, the bar comes back below it. */
  #line(text: string): void {
    this.#clearBar();
    this.#write(`${text}\n`);
    this.#drawBar();
  }

  #drawBar(): void {
    if (!this.#bar || this.#live.size === 0) return;
    const now = this.#now();
    const text = [...this.#live.values()]
      .map(({ state, at }) =>
        renderProgressBar(
          state.etaSeconds === undefined
            ? state
            : { ...state, etaSeconds: Math.max(0, state.etaSeconds - (now - at) / 1000) },
        ),
      )
      .join('  |  ');
    this.#write(`${CLEAR_LINE}${text.slice(0, Math.max(10, this.#columns - 1))}`);
    this.#barShown = true;
  }

  #clearBar(): void {
    if (!this.#barShown) return;
    this.#write(CLEAR_LINE);
    this.#barShown = false;
  }
}

function endLine(test: TestCase, result: TestResult): string {
  const attachment = result.attachments.find((a) => a.name === SCENARIO_RESULT_ATTACHMENT);
  if (!attachment?.body) {
    if (result.status === 'skipped') {
      const reason = test.annotations.find((a) => a.type === 'skip')?.description;
      return `- ${label(test)}: skipped${reason ? ` (${reason})` : ''}`;
    }
    // eslint-disable-next-line no-control-regex
    const message = (result.errors[0]?.message ?? '').replace(/\u001b\[[0-9;]*m/g, '');
    return `! ${label(test)}: could not run: ${message.split('\n')[0]}`;
  }
  const scenario = JSON.parse(attachment.body.toString('utf8')) as ScenarioResult;
  const mark = scenario.findings.length ? 'x' : 'ok';
  return (
    `${mark} ${label(test)}: ${scenario.logins} logins, ${scenario.requests} requests, ` +
    `${scenario.findings.length} findings (${(result.duration / 1000).toFixed(1)} s)`
  );
}

function label(test: TestCase): string {
  return `${test.title} [${test.parent.project()?.name ?? ''}]`;
}

/** Without a terminal to redraw, a line per tenth of the way (and the last) is enough to follow. */
function isMilestone(sample: { done: number; total: number }): boolean {
  const step = Math.max(1, Math.ceil(sample.total / 10));
  return sample.done === sample.total || sample.done % step === 0;
}
