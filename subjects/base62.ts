/** Base62 digits in ASCII order, as KSUID and Salesforce ids use them. */
export const BASE62_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * The big-endian number in `bytes` as exactly `length` base62 digits, zero-padded on the left.
 * Long division over 16-bit limbs keeps every step inside a double's exact integers.
 */
export function encodeBase62(bytes: Uint8Array, length: number): string {
  const limbs: number[] = [];
  for (let i = bytes.length % 2 === 0 ? 0 : -1; i < bytes.length; i += 2) {
    limbs.push(((i < 0 ? 0 : (bytes[i] ?? 0)) << 8) | (bytes[i + 1] ?? 0));
  }

  const digits = new Array<string>(length).fill('0');
  for (let out = length - 1; out >= 0; out -= 1) {
    let remainder = 0;
    for (let i = 0; i < limbs.length; i += 1) {
      const value = remainder * 0x10000 + (limbs[i] ?? 0);
      limbs[i] = Math.floor(value / 62);
      remainder = value % 62;
    }
    digits[out] = BASE62_ALPHABET[remainder] ?? '0';
  }
  return digits.join('');
}
