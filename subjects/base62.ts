/** Base62 digits in ASCII order, as KSUID and Salesforce ids use them. */
export const BASE62_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

const CODES = Array.from(BASE62_ALPHABET, (char) => char.charCodeAt(0));

/** 62^4: four base62 digits per division pass. */
const CHUNK = 62 ** 4;

/**
 * The big-endian number in `bytes` as exactly `length` base62 digits, zero-padded on the left.
 * Long division over 24-bit limbs by 62^4 (< 2^24): remainder x 2^24 + limb stays below 2^48,
 * inside a double's exact integers, and each pass yields four digits.
 */
export function encodeBase62(bytes: Uint8Array, length: number): string {
  const pad = (3 - (bytes.length % 3)) % 3;
  const limbs = new Array<number>((bytes.length + pad) / 3);
  for (let i = 0; i < limbs.length; i += 1) {
    const at = i * 3 - pad;
    limbs[i] = ((bytes[at] ?? 0) << 16) | ((bytes[at + 1] ?? 0) << 8) | (bytes[at + 2] ?? 0);
  }

  const codes = new Array<number>(length);
  let first = 0;
  for (let written = 0; written < length;) {
    let remainder = 0;
    for (let i = first; i < limbs.length; i += 1) {
      const value = remainder * 0x1000000 + (limbs[i] as number);
      // value < 2^48 and CHUNK > 2^23, so the quotient fits 31 bits and `| 0` truncates it.
      const quotient = (value / CHUNK) | 0;
      limbs[i] = quotient;
      remainder = value - quotient * CHUNK;
    }
    while (first < limbs.length && limbs[first] === 0) first += 1;
    for (let digit = 0; digit < 4 && written < length; digit += 1, written += 1) {
      const quotient = (remainder / 62) | 0;
      codes[length - 1 - written] = CODES[remainder - quotient * 62] as number;
      remainder = quotient;
    }
  }
  return String.fromCharCode(...codes);
}
