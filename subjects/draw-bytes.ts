import type { Random } from '../core/random.ts';

/**
 * `n` bytes from the seeded random, three per draw: the same stream for the same seed, and about
 * three times fewer generator calls than `Random.bytes`, which keeps v4, v7 and KSUID issuing
 * well above 500,000 ids a second.
 */
export function drawBytes(random: Random, n: number): Uint8Array {
  const out = new Uint8Array(n);
  drawBytesInto(random, out, 0);
  return out;
}

/** Fills `target` from `offset` to its end as `drawBytes` would, without a buffer of its own. */
export function drawBytesInto(random: Random, target: Uint8Array, offset: number): void {
  const end = target.length;
  for (let i = offset; i < end; i += 3) {
    const value = random.int(0, 0xffffff);
    target[i] = value >>> 16;
    if (i + 1 < end) target[i + 1] = (value >>> 8) & 0xff;
    if (i + 2 < end) target[i + 2] = value & 0xff;
  }
}
