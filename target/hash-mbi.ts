import { pbkdf2Sync } from 'node:crypto';

/**
 * The value BB2.0 looks a beneficiary up by at login (DOMAIN.md section 7): lower-case hex of
 * PBKDF2-HMAC-SHA256(MBI, hex-decoded salt, iterations, 32 bytes). The target computes it itself
 * rather than borrowing the fixtures' function, so that a mismatch between the two shows up as
 * "no Medicare record found" instead of hiding.
 */
export function hashMbi(mbi: string, options: { salt: string; iterations: number }): string {
  const salt = Buffer.from(options.salt, 'hex');
  return pbkdf2Sync(mbi, salt, options.iterations, 32, 'sha256').toString('hex');
}
