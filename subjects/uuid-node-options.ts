import type { Random } from '../core/random.ts';
import { OptionProblems } from './option-problems.ts';

/** Options shared by the Gregorian-time UUID schemes (v1, v6). */
export interface UuidNodeOptions {
  /**
   * The 48-bit node id as 12 hex digits (colons or hyphens allowed). Default: 6 bytes from the
   * seeded random with the multicast bit set, as RFC 9562 section 6.10 asks of a random node id.
   */
  node?: string;
  /** The 14-bit clock sequence, 0..16383. Default: drawn once from the seeded random. */
  clockSeq?: number;
}

export interface ResolvedUuidNode {
  node: Uint8Array;
  clockSeq: number;
}

/** Checks node and clock sequence options, filling defaults from `random`. */
export function resolveUuidNode(options: UuidNodeOptions, random: Random): ResolvedUuidNode {
  const problems = new OptionProblems('options');
  problems.rejectUnknown(options as Record<string, unknown>, ['node', 'clockSeq']);
  const nodeHex = typeof options.node === 'string' ? options.node.replace(/[:-]/g, '') : undefined;
  problems.require(
    options.node === undefined || (nodeHex !== undefined && /^[0-9a-f]{12}$/i.test(nodeHex)),
    'node',
    '12 hex digits',
    options.node,
  );
  const { clockSeq } = options;
  problems.require(
    clockSeq === undefined || (Number.isInteger(clockSeq) && clockSeq >= 0 && clockSeq < 0x4000),
    'clockSeq',
    'an integer in 0..16383',
    clockSeq,
  );
  problems.throwIfAny();

  const randomNode = random.bytes(6);
  randomNode[0] = (randomNode[0] ?? 0) | 0x01;
  const defaultClockSeq = random.int(0, 0x3fff);
  return {
    node: nodeHex === undefined ? randomNode : Uint8Array.from(Buffer.from(nodeHex, 'hex')),
    clockSeq: clockSeq ?? defaultClockSeq,
  };
}
