/** 100-ns intervals between the Gregorian reform (UUID epoch) and the Unix epoch, RFC 9562 5.1. */
const GREGORIAN_OFFSET = 0x01b21dd213814000n;
/** `time_low` is the low 32 bits of the 100-ns timestamp: it wraps every 2^32 x 100 ns. */
const WINDOW = 2n ** 32n;

/**
 * Start, in Unix ms, of the UUID v1 window that contains `ms`: every id one node makes inside it
 * shares everything but `time_low` (DOMAIN.md section 1), about 429.5 s.
 */
export function uuidV1WindowStart(ms: number): number {
  const ticks = BigInt(ms) * 10_000n + GREGORIAN_OFFSET;
  const start = (ticks / WINDOW) * WINDOW - GREGORIAN_OFFSET;
  return Number((start + 9_999n) / 10_000n);
}

/** Length of one UUID v1 window in ms (429,496.7296 ms, rounded down). */
export const UUID_V1_WINDOW_MS = Number(WINDOW / 10_000n);
