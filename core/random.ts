import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

/** A seeded source of randomness. Every random choice twinsub makes goes through one. */
export interface Random {
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** `n` random bytes. */
  bytes(n: number): Uint8Array;
  /** A new generator derived from this one and a label, independent of later draws here. */
  fork(label: string): Random;
}

export function seededRandom(seed: number): Random {
  return new PureRandom(xoroshiro128plus(seed | 0));
}

class PureRandom implements Random {
  readonly #rng: JumpableRandomGenerator;

  constructor(rng: JumpableRandomGenerator) {
    this.#rng = rng;
  }

  int(min: number, max: number): number {
    return uniformInt(this.#rng, min, max);
  }

  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i += 1) out[i] = uniformInt(this.#rng, 0, 255);
    return out;
  }

  fork(label: string): Random {
    let seed = this.int(-0x80000000, 0x7fffffff);
    for (let i = 0; i < label.length; i += 1)
      seed = Math.imul(seed ^ label.charCodeAt(i), 16777619);
    return new PureRandom(xoroshiro128plus(seed | 0));
  }
}
