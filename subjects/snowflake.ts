import type { SchemeContext, Segment, SubjectScheme } from './subject-scheme.ts';
import { OptionProblems } from './option-problems.ts';

export interface SnowflakeOptions {
  /** Milliseconds since the Unix epoch that time counts from. Default Twitter's, 1288834974657. */
  epochMs?: number;
  /** The 10-bit worker (datacenter and machine) id, 0..1023. Default: drawn from the seed. */
  worker?: number;
}

const MAX_SEQUENCE = 0xfff;

/**
 * 64-bit snowflake ids as Twitter/X and Discord issue them, in decimal: 41 bits of milliseconds
 * since the epoch, 10 worker bits, a 12-bit sequence counting ids within one millisecond.
 */
export function snowflakeScheme(
  context: SchemeContext,
  options: SnowflakeOptions = {},
): SubjectScheme {
  const problems = new OptionProblems('options');
  problems.rejectUnknown(options as Record<string, unknown>, ['epochMs', 'worker']);
  const { epochMs = 1_288_834_974_657, worker } = options;
  problems.require(Number.isSafeInteger(epochMs), 'epochMs', 'an integer', epochMs);
  problems.require(
    worker === undefined || (Number.isInteger(worker) && worker >= 0 && worker <= 1023),
    'worker',
    'an integer in 0..1023',
    worker,
  );
  problems.throwIfAny();

  const workerId = BigInt(worker ?? context.random.fork('snowflake').int(0, 1023));
  let lastMs = -Infinity;
  let sequence = 0;
  return {
    name: 'snowflake',
    caseSensitive: true,
    next() {
      const now = Math.max(0, Math.floor(context.clock.now()) - epochMs);
      if (now > lastMs) {
        lastMs = now;
        sequence = 0;
      } else if (sequence < MAX_SEQUENCE) {
        sequence += 1;
      } else {
        // A real worker waits for the next millisecond; a simulated clock cannot, so borrow it.
        lastMs += 1;
        sequence = 0;
      }
      return ((BigInt(lastMs) << 22n) | (workerId << 12n) | BigInt(sequence)).toString();
    },
    validate: (sub) => /^[1-9]\d{0,18}$/.test(sub) && BigInt(sub) < 2n ** 63n,
    anatomy(sub) {
      // Decimal digits mix the fields; the last 7 digits (~23 bits) hold worker and sequence.
      const split = Math.max(0, sub.length - 7);
      return [
        { start: 0, end: split, kind: 'time', label: 'timestamp' },
        { start: split, end: sub.length, kind: 'counter', label: 'timestamp, worker, sequence' },
      ] satisfies Segment[];
    },
  };
}
