import type { Claims } from '../transforms/transform.ts';

/** One account of a twin set, as the identity system issued it. */
export interface TwinMember {
  iss: string;
  sub: string;
  claims: Claims;
  /** The simulated clock's time when the id was made, in ms since the Unix epoch. */
  createdAtMs: number;
}

/**
 * Distinct subjects that one transform maps to one key, with the proof: the members, the
 * transform's spec and the key they share. Under `iss-sub` their keys all differ.
 */
export interface TwinSet {
  scheme: string;
  transform: string;
  key: string;
  members: TwinMember[];
  /** The members' subjects, in order. */
  ids: string[];
  /**
   * `issued`: every id came from the scheme as an issuer would make it, only the clock chosen.
   * `constructed`: ids valid in the scheme but chosen by twinsub (no realistic issuance makes
   * them within the search budget).
   */
  method: 'issued' | 'constructed';
  /** How the twins came about, in one sentence. */
  how: string;
}

/** Why no twin set exists for a scheme and transform. */
export interface NoTwins {
  impossible: string;
}

export type TwinsResult = TwinSet | NoTwins;

export function isTwinSet(result: TwinsResult): result is TwinSet {
  return 'members' in result;
}
