import type { Random } from '../core/random.ts';

/**
 * `n` bytes from the seeded random, three per draw: the same stream for the same seed, and about
 * three times fewer generator calls than `Random.bytes`, which keeps v4, v7 and KSUID issuing
 * well above 500,000 ids a second.
 */
export function drawBytes(random: Random, n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i += 3) {
    const value = random.int(0, 0xffffff);
    out[i] = value >>> 16;
    if (i + 1 < n) out[i + 1] = (value >>> 8) & 0xff;
    if (i + 2 < n) out[i + 2] = value & 0xff;
  }
  return out;
}
