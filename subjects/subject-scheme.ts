import type { Clock } from '../core/clock.ts';
import type { Random } from '../core/random.ts';

/** What one stretch of a subject id is made of: where its entropy sits. */
export type SegmentKind = 'time' | 'machine' | 'counter' | 'random' | 'constant' | 'checksum';

export interface Segment {
  /** First character index of the segment in the id string (inclusive). */
  start: number;
  /** One past the last character index (exclusive). */
  end: number;
  kind: SegmentKind;
  /** What it is, in the format's own words (`time_low`, `node`, `version`). */
  label: string;
}

/** What a scheme needs to make ids: a seeded random source and the (simulated) clock. */
export interface SchemeContext {
  random: Random;
  clock: Clock;
}

/**
 * One way an identity system makes subject ids. A scheme instance keeps the state a real issuer
 * keeps (a counter, the last timestamp), so ids it returns are distinct.
 */
export interface SubjectScheme {
  /** Stable name, used on the command line and in the control API (`uuid-v1`). */
  readonly name: string;
  /** Whether the format itself treats upper and lower case as different ids. */
  readonly caseSensitive: boolean;
  /** The next id at the context clock's current time. */
  next(): string;
  /** Whether `sub` is a well-formed id of this format. */
  validate(sub: string): boolean;
  /** Where time, machine, counter and random parts sit in `sub`. */
  anatomy(sub: string): Segment[];
}

export type SchemeFactory = (
  context: SchemeContext,
  options?: Record<string, unknown>,
) => SubjectScheme;
