/** Milliseconds from the Gregorian epoch of RFC 9562 (1582-10-15) to the Unix epoch. */
const GREGORIAN_OFFSET_MS = 12_219_292_800_000;

/**
 * The node, clock sequence and time (ms) a v1 or v6 UUID was made with (RFC 9562 sections 5.1
 * and 5.6), so that more ids can be issued by the same generator; `undefined` for other schemes.
 */
export function gregorianOrigin(
  scheme: string,
  sub: string,
): { schemeOptions: { node: string; clockSeq: number }; startMs: number } | undefined {
  if (scheme !== 'uuid-v1' && scheme !== 'uuid-v6') return undefined;

  const hex = sub.toLowerCase();
  const timestampHex =
    scheme === 'uuid-v1'
      ? hex.slice(15, 18) + hex.slice(9, 13) + hex.slice(0, 8)
      : hex.slice(0, 8) + hex.slice(9, 13) + hex.slice(15, 18);
  const ticks = BigInt(`0x${timestampHex}`);
  return {
    schemeOptions: {
      node: hex.slice(24, 36),
      clockSeq: parseInt(hex.slice(19, 23), 16) & 0x3fff,
    },
    startMs: Number(ticks / 10_000n) - GREGORIAN_OFFSET_MS,
  };
}
