/** 100-ns intervals per millisecond: `uuid`'s v1() takes an `nsecs` counter below this. */
const TICKS_PER_MS = 10_000;

/**
 * The state RFC 9562 section 6.3 asks of a generator of Gregorian-time UUIDs (v1, v6): the last
 * timestamp and the clock sequence. Ids within one millisecond take the next 100-ns tick.
 */
export class GregorianClock {
  /** What the clock said at the last id, to tell a clock set backwards from a busy millisecond. */
  #clockMs = -Infinity;
  /** Millisecond and 100-ns tick of the last id issued. */
  msecs = -Infinity;
  nsecs = 0;
  clockSeq: number;

  constructor(clockSeq: number) {
    this.clockSeq = clockSeq;
  }

  /** Moves to the clock's time `nowMs` (whole milliseconds since the Unix epoch). */
  advance(nowMs: number): void {
    if (nowMs < this.#clockMs) {
      // RFC 9562 section 6.3: a clock set backwards changes the clock sequence, so no id repeats.
      this.clockSeq = (this.clockSeq + 1) & 0x3fff;
      this.msecs = nowMs;
      this.nsecs = 0;
    } else if (nowMs > this.msecs) {
      this.msecs = nowMs;
      this.nsecs = 0;
    } else if (this.nsecs + 1 < TICKS_PER_MS) {
      this.nsecs += 1;
    } else {
      // More than 10,000 ids in one millisecond: borrow the next millisecond's first tick.
      this.msecs += 1;
      this.nsecs = 0;
    }
    this.#clockMs = nowMs;
  }
}
