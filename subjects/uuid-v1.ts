import { v1 } from 'uuid';
import type { SchemeContext, Segment, SubjectScheme } from './subject-scheme.ts';
import { GregorianClock } from './gregorian-clock.ts';
import { isUuidOfVersion } from './is-uuid-of-version.ts';
import { resolveUuidNode, type UuidNodeOptions } from './uuid-node-options.ts';

export type UuidV1Options = UuidNodeOptions;

const NO_RANDOM = new Uint8Array(16);

/**
 * Time-based UUIDs (RFC 9562 section 5.1) from the injected clock, one fixed node and clock
 * sequence: the scheme behind the Blue Button 2018 incident, where every id a node makes within
 * one 2^32 x 100 ns window (about 429.5 s) shares characters 9..36.
 */
export function uuidV1Scheme(context: SchemeContext, options: UuidV1Options = {}): SubjectScheme {
  const { node, clockSeq } = resolveUuidNode(options, context.random.fork('uuid-v1'));
  const clock = new GregorianClock(clockSeq);

  return {
    name: 'uuid-v1',
    // RFC 9562 section 4: hex digits are case-insensitive on input.
    caseSensitive: false,
    next() {
      clock.advance(Math.floor(context.clock.now()));
      const { msecs, nsecs } = clock;
      return v1({ node, clockseq: clock.clockSeq, msecs, nsecs, random: NO_RANDOM });
    },
    validate: (sub) => isUuidOfVersion(sub, 1),
    anatomy: () => UUID_V1_ANATOMY.map((segment) => ({ ...segment })),
  };
}

/** RFC 9562 section 5.1 field layout over the 36-character string form. */
const UUID_V1_ANATOMY: readonly Segment[] = [
  { start: 0, end: 8, kind: 'time', label: 'time_low' },
  { start: 8, end: 9, kind: 'constant', label: 'hyphen' },
  { start: 9, end: 13, kind: 'time', label: 'time_mid' },
  { start: 13, end: 14, kind: 'constant', label: 'hyphen' },
  { start: 14, end: 15, kind: 'constant', label: 'version' },
  { start: 15, end: 18, kind: 'time', label: 'time_high' },
  { start: 18, end: 19, kind: 'constant', label: 'hyphen' },
  { start: 19, end: 23, kind: 'constant', label: 'variant and clock_seq' },
  { start: 23, end: 24, kind: 'constant', label: 'hyphen' },
  { start: 24, end: 36, kind: 'machine', label: 'node' },
];
