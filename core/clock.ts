/** A source of the current time in milliseconds since the Unix epoch. */
export interface Clock {
  now(): number;
}

/** The real wall clock. */
export const systemClock: Clock = { now: () => Date.now() };

/**
 * A clock that only moves when told to, so that time-based subject ids (UUID v1 windows) and
 * account creation times replay exactly from a scenario's settings.
 */
export class ManualClock implements Clock {
  #now: number;

  constructor(startMs: number) {
    this.#now = startMs;
  }

  now(): number {
    return this.#now;
  }

  advance(ms: number): number {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`ms must be >= 0 (got ${ms})`);
    this.#now += ms;
    return this.#now;
  }

  set(ms: number): number {
    if (!Number.isFinite(ms)) throw new RangeError(`ms must be a finite number (got ${ms})`);
    this.#now = ms;
    return this.#now;
  }
}

/** 2026-01-05T09:00:00Z: the default start of simulated time, a Monday morning. */
export const DEFAULT_EPOCH_MS = Date.UTC(2026, 0, 5, 9, 0, 0);
