import { InputProblems } from './input-problems.ts';

/** Move the simulated clock forward by `advanceMs`, or set it to an instant. */
export type ClockChange = { advanceMs: number } | { set: string };

/**
 * Checks a clock request: exactly one of `advanceMs` (a whole number of ms, >= 0) or `set`
 * (an ISO 8601 instant such as `2026-01-05T09:07:10.000Z`).
 */
export function parseClockChange(value: unknown, path: string, nowMs: number): ClockChange {
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
      typeof set === 'string' && ISO_INSTANT.test(set) && isRealDate(set),
      `${path}.set`,
      'an ISO 8601 instant such as 2026-01-05T09:00:00.000Z',
      set,
    );
  }

  problems.throwIfAny();
  const target =
    advanceMs !== undefined ? nowMs + (advanceMs as number) : Date.parse(set as string);
  // Outside these years some schemes cannot write their time field (KSUID starts in 2014, UUID
  // v1 timestamps of far-future dates wrap), and the ids would no longer be real-shaped.
  problems.require(
    target >= EARLIEST_MS && target <= LATEST_MS,
    advanceMs !== undefined ? `${path}.advanceMs` : `${path}.set`,
    advanceMs !== undefined
      ? `small enough to keep the clock before 2100-01-01 (it is at ${new Date(nowMs).toISOString()})`
      : 'an instant from 2015-01-01 to 2100-01-01',
    advanceMs ?? set,
  );
  problems.throwIfAny();
  return advanceMs !== undefined ? { advanceMs: advanceMs as number } : { set: set as string };
}

const EARLIEST_MS = Date.UTC(2015, 0, 1);
const LATEST_MS = Date.UTC(2100, 0, 1);

/** Date, time and an explicit offset: an instant without a zone would depend on the host. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** `Date.parse` rolls 2026-02-31 over into March; a real date reads back as written. */
function isRealDate(text: string): boolean {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return false;
  const offset = /([+-])(\d{2}):(\d{2})$/.exec(text);
  const shift = offset
    ? (offset[1] === '+' ? 1 : -1) * (Number(offset[2]) * 60 + Number(offset[3]))
    : 0;
  return new Date(ms + shift * 60_000).toISOString().slice(0, 10) === text.slice(0, 10);
}
