/**
 * A string's weight under MariaDB's `utf8mb4_general_ci` collation, approximated: trailing spaces
 * do not count (PAD SPACE), letters compare by their upper-case base letter (accents and case
 * ignored), and `ß` equals `s`. Two subs with equal keys are the same row to a unique index.
 * See the MariaDB documentation on character sets and collations.
 */
export function mariadbCollationKey(value: string): string {
  let key = '';
  for (const char of value.replace(/ +$/, '')) {
    if (char === 'ß') {
      key += 'S';
      continue;
    }
    const base = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '') || char;
    const upper = base.toUpperCase();
    key += [...upper].length === 1 ? upper : base;
  }
  return key;
}
