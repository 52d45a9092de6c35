import { stringify, v1, v1ToV6 } from 'uuid';
import type { SchemeContext, Segment, SubjectScheme } from './subject-scheme.ts';
import { GregorianClock } from './gregorian-clock.ts';
import { isUuidOfVersion } from './is-uuid-of-version.ts';
import { resolveUuidNode, type UuidNodeOptions } from './uuid-node-options.ts';

const NO_RANDOM = new Uint8Array(16);
const buffer = new Uint8Array(16);

/**
 * Reordered time-based UUIDs (RFC 9562 section 5.6): v1's fields with the timestamp's most
 * significant bits first, so the leading characters change slowly and the fast ones sit at 15..18.
 */
export function uuidV6Scheme(context: SchemeContext, options: UuidNodeOptions = {}): SubjectScheme {
  const { node, clockSeq } = resolveUuidNode(options, context.random.fork('uuid-v6'));
  const clock = new GregorianClock(clockSeq);

  return {
    name: 'uuid-v6',
    caseSensitive: false,
    next() {
      clock.advance(Math.floor(context.clock.now()));
      const { msecs, nsecs } = clock;
      // uuid's v6() copies its options on every call; v1 bytes reordered by v1ToV6 are the same
      // id (RFC 9562 section 5.6) at a fifth of the cost.
      const bytes = v1({ node, clockseq: clock.clockSeq, msecs, nsecs, random: NO_RANDOM }, buffer);
      return stringify(v1ToV6(bytes));
    },
    validate: (sub) => isUuidOfVersion(sub, 6),
    anatomy: () => UUID_V6_ANATOMY.map((segment) => ({ ...segment })),
  };
}

/** RFC 9562 section 5.6 field layout over the 36-character string form. */
const UUID_V6_ANATOMY: readonly Segment[] = [
  { start: 0, end: 8, kind: 'time', label: 'time_high' },
  { start: 8, end: 9, kind: 'constant', label: 'hyphen' },
  { start: 9, end: 13, kind: 'time', label: 'time_mid' },
  { start: 13, end: 14, kind: 'constant', label: 'hyphen' },
  { start: 14, end: 15, kind: 'constant', label: 'version' },
  { start: 15, end: 18, kind: 'time', label: 'time_low' },
  { start: 18, end: 19, kind: 'constant', label: 'hyphen' },
  { start: 19, end: 23, kind: 'constant', label: 'variant and clock_seq' },
  { start: 23, end: 24, kind: 'constant', label: 'hyphen' },
  { start: 24, end: 36, kind: 'machine', label: 'node' },
];
