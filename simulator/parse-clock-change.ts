import { InputProblems } from './input-problems.ts';

/** Move the simulated clock forward by `advanceMs`, or set it to an instant. */
export type ClockChange = { advanceMs: number } | { set: string };

/**
 * Checks a clock request: exactly one of `advanceMs` (a whole number of ms, >= 0) or `set`
 * (an ISO 8601 instant such as `2026-01-05T09:07:10.000Z`).
 */
export function parseClockChange(value: unknown, path: string): ClockChange {
  const problems = new InputProblems();
  if (!problems.requireObject(value, path)) problems.throwIfAny();
  const input = value as Record<string, unknown>;
  problems.rejectUnknown(input, path, ['advanceMs', 'set']);

  const { advanceMs, set } = input;
  problems.require(
    (advanceMs === undefined) !== (set === undefined),
    path,
    'an object with exactly one of advanceMs, set',
    input,
  );
  if (advanceMs !== undefined) {
    problems.require(
      Number.isSafeInteger(advanceMs) && (advanceMs as number) >= 0,
      `${path}.advanceMs`,
      'a whole number of milliseconds >= 0',
      advanceMs,
    );
  }
  if (set !== undefined) {
    problems.require(
      typeof set === 'string' && ISO_INSTANT.test(set) && !Number.isNaN(Date.parse(set)),
      `${path}.set`,
      'an ISO 8601 instant such as 2026-01-05T09:00:00.000Z',
      set,
    );
  }

  problems.throwIfAny();
  return advanceMs !== undefined ? { advanceMs: advanceMs as number } : { set: set as string };
}

/** Date, time and an explicit offset: an instant without a zone would depend on the host. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
