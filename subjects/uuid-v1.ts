import { v1 } from 'uuid';
import type { SchemeContext, Segment, SubjectScheme } from './subject-scheme.ts';
import { OptionProblems } from './option-problems.ts';
import { isUuidOfVersion } from './is-uuid-of-version.ts';

export interface UuidV1Options {
  /**
   * The 48-bit node id as 12 hex digits (colons or hyphens allowed). Default: 6 bytes from the
   * seeded random with the multicast bit set, as RFC 9562 section 6.10 asks of a random node id.
   */
  node?: string;
  /** The 14-bit clock sequence, 0..16383. Default: drawn once from the seeded random. */
  clockSeq?: number;
}

/** The generator state RFC 9562 section 6.3 describes: last timestamp and clock sequence. */
interface V1State {
  /** What the clock said at the last id, to tell a clock set backwards from a busy millisecond. */
  clockMs: number;
  /** The millisecond and 100-ns tick of the last id issued. */
  msecs: number;
  nsecs: number;
  clockSeq: number;
}

const NO_RANDOM = new Uint8Array(16);

/** 100-ns intervals per millisecond: the `nsecs` counter of `uuid`'s v1() runs up to this. */
const TICKS_PER_MS = 10_000;

/**
 * Time-based UUIDs (RFC 9562 section 5.1) from the injected clock, one fixed node and clock
 * sequence: the scheme behind the Blue Button 2018 incident, where every id a node makes within
 * one 2^32 x 100 ns window (about 429.5 s) shares characters 9..36.
 */
export function uuidV1Scheme(context: SchemeContext, options: UuidV1Options = {}): SubjectScheme {
  const problems = new OptionProblems('options');
  problems.rejectUnknown(options as Record<string, unknown>, ['node', 'clockSeq']);
  const nodeHex = options.node?.replace(/[:-]/g, '');
  problems.require(
    options.node === undefined || (typeof nodeHex === 'string' && /^[0-9a-f]{12}$/i.test(nodeHex)),
    'node',
    '12 hex digits',
    options.node,
  );
  problems.require(
    options.clockSeq === undefined ||
      (Number.isInteger(options.clockSeq) && options.clockSeq >= 0 && options.clockSeq < 0x4000),
    'clockSeq',
    'an integer in 0..16383',
    options.clockSeq,
  );
  problems.throwIfAny();

  const random = context.random.fork('uuid-v1');
  const node = nodeHex === undefined ? randomNode(random.bytes(6)) : hexBytes(nodeHex);
  const state: V1State = {
    clockMs: -Infinity,
    msecs: -Infinity,
    nsecs: 0,
    clockSeq: options.clockSeq ?? random.int(0, 0x3fff),
  };

  return {
    name: 'uuid-v1',
    // RFC 9562 section 4: hex digits are case-insensitive on input.
    caseSensitive: false,
    next() {
      advance(state, Math.floor(context.clock.now()));
      return v1({
        node,
        clockseq: state.clockSeq,
        msecs: state.msecs,
        nsecs: state.nsecs,
        random: NO_RANDOM,
      });
    },
    validate: (sub) => isUuidOfVersion(sub, 1),
    anatomy: () => UUID_V1_ANATOMY.map((segment) => ({ ...segment })),
  };
}

/** Moves the state to the clock's time; ids within one millisecond take the next 100-ns tick. */
function advance(state: V1State, nowMs: number): void {
  if (nowMs < state.clockMs) {
    // RFC 9562 section 6.3: a clock set backwards changes the clock sequence, so no id repeats.
    state.clockSeq = (state.clockSeq + 1) & 0x3fff;
    state.msecs = nowMs;
    state.nsecs = 0;
  } else if (nowMs > state.msecs) {
    state.msecs = nowMs;
    state.nsecs = 0;
  } else if (state.nsecs + 1 < TICKS_PER_MS) {
    state.nsecs += 1;
  } else {
    // More than 10,000 ids in one millisecond: borrow the next millisecond's first tick.
    state.msecs += 1;
    state.nsecs = 0;
  }
  state.clockMs = nowMs;
}

function randomNode(bytes: Uint8Array): Uint8Array {
  bytes[0] = (bytes[0] ?? 0) | 0x01;
  return bytes;
}

function hexBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i += 1) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
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
