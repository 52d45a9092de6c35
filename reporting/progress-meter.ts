/** A scenario's progress line: `population: 25/200 logins`. */
export interface ProgressSample {
  label: string;
  done: number;
  total: number;
  unit: string;
}

const PROGRESS_LINE = /^(?<label>[^:]+): (?<done>\d+)\/(?<total>\d+) (?<unit>\S+)$/;

/** Reads a counted progress line; any other line is a message, not progress. */
export function parseProgress(line: string): ProgressSample | undefined {
  const groups = PROGRESS_LINE.exec(line.trim())?.groups;
  if (!groups) return undefined;
  const total = Number(groups.total);
  if (total <= 0) return undefined;
  return { label: groups.label!, done: Number(groups.done), total, unit: groups.unit! };
}

/** Where one counted task stands, with its rate and the time it still needs. */
export interface ProgressState extends ProgressSample {
  /** Units per second; undefined until the rate can be measured. */
  rate?: number;
  /** Seconds left at that rate. */
  etaSeconds?: number;
}

/**
 * Tracks counted progress per label and measures its rate. The rate is taken between the first and
 * the latest sample when there are two, else since the task began: the first sample of a
 * population arrives only after its accounts exist, so counting from the start would understate it.
 */
export class ProgressMeter {
  readonly #first = new Map<string, { done: number; at: number }>();
  readonly #began = new Map<string, number>();

  /** Notes when a task (a scenario) began, for the rate before a second sample arrives. */
  begin(label: string, at: number): void {
    this.#began.set(label, at);
  }

  update(sample: ProgressSample, at: number): ProgressState {
    const first = this.#first.get(sample.label);
    if (!first) this.#first.set(sample.label, { done: sample.done, at });
    const from =
      first && sample.done > first.done
        ? first
        : { done: 0, at: this.#began.get(sample.label) ?? at };
    const seconds = (at - from.at) / 1000;
    if (seconds <= 0 || sample.done <= from.done) return { ...sample };

    const rate = (sample.done - from.done) / seconds;
    return { ...sample, rate, etaSeconds: (sample.total - sample.done) / rate };
  }
}
