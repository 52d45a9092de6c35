/** Milliseconds from the Gregorian epoch of RFC 9562 (1582-10-15) to the Unix epoch. */
const GREGORIAN_OFFSET_MS = 12_219_292_800_000n;

/**
 * The 60-bit timestamps a Gregorian-time UUID generator gives ids made at these times (ms,
 * non-decreasing): ids within one millisecond take the next 100-ns tick (RFC 9562 section 6.2).
 */
export function gregorianTimestamps(times: readonly number[]): bigint[] {
  let last = -1n;
  return times.map((ms) => {
    const base = (BigInt(ms) + GREGORIAN_OFFSET_MS) * 10_000n;
    last = base > last ? base : last + 1n;
    return last;
  });
}

/**
 * The string form of a v1 or v6 UUID with timestamp `t`, a fixed clock sequence and node: the
 * field layout of RFC 9562 sections 5.1 and 5.6, written independently of the `uuid` package.
 */
export function uuidFromTimestamp(t: bigint, version: 1 | 6): string {
  const hex = (value: bigint, width: number) => value.toString(16).padStart(width, '0');
  const tail = '8000-010000000000';
  if (version === 1) {
    const low = hex(t & 0xffffffffn, 8);
    const mid = hex((t >> 32n) & 0xffffn, 4);
    const high = hex((t >> 48n) & 0xfffn, 3);
    return `${low}-${mid}-1${high}-${tail}`;
  }
  const high = hex(t >> 28n, 8);
  const mid = hex((t >> 12n) & 0xffffn, 4);
  const low = hex(t & 0xfffn, 3);
  return `${high}-${mid}-6${low}-${tail}`;
}
