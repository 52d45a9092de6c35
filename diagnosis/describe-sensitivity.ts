/** Which differences from a base `sub` a target ignored: each one merged two people. */
export interface Sensitivity {
  base: string;
  length: number;
  /** Character positions (0-based) whose change the target ignored. */
  positions: number[];
  case: boolean;
  unicode: boolean;
  whitespace: boolean;
  /** A wholly different `sub` with the same email was filed under the same user. */
  email: boolean;
  /** The mapping in words (`describeSensitivity`). */
  summary?: string;
}

/** Runs of consecutive numbers: `[0,1,2,5]` -> `[[0,2],[5,5]]`. */
function runs(numbers: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const n of [...numbers].sort((a, b) => a - b)) {
    const last = out.at(-1);
    if (last && last[1] === n - 1) last[1] = n;
    else out.push([n, n]);
  }
  return out;
}

/**
 * The most likely lossy mapping, named from what the probe saw: "positions 0-8 ignored: the
 * target keeps characters 9..36 (slice:9:36, Blue Button 2.0's 2018 cut)". Character ranges are
 * 0-based, end excluded, as `String.slice` and the transforms (`slice:a:b`) write them.
 */
export function describeSensitivity(s: Sensitivity): string {
  const parts: string[] = [];
  const ignored = runs(s.positions);
  if (ignored.length > 0) {
    const shown = ignored.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(', ');
    const kept = runs(
      Array.from({ length: s.length }, (_, i) => i).filter((i) => !s.positions.includes(i)),
    );
    const keeps = kept.map(([a, b]) => `${a}..${b + 1}`).join(', ');
    parts.push(
      kept.length === 0
        ? `positions ${shown} ignored: the target keys on none of the characters`
        : `positions ${shown} ignored: the target keeps characters ${keeps}${name(kept, s.length)}`,
    );
  }
  if (s.case) parts.push('case ignored (lower-casing or a case-insensitive collation)');
  if (s.unicode) parts.push('Unicode compatibility forms folded (NFKC)');
  if (s.whitespace) parts.push('whitespace around the sub trimmed');
  if (s.email) parts.push('a different sub with the same email is the same user (email as key)');
  return parts.length === 0
    ? 'no difference ignored: the target keys on the whole (iss, sub)'
    : parts.join('; ');
}

function name(kept: [number, number][], length: number): string {
  if (kept.length !== 1) return '';
  const [a, b] = kept[0]!;
  const end = b + 1;
  if (a === 9 && end === 36 && length === 36) {
    return " (slice:9:36, Blue Button 2.0's 2018 cut: time_low and its hyphen dropped)";
  }
  if (a === 0) return ` (prefix:${end})`;
  if (end === length) return ` (suffix:${length - a})`;
  return ` (slice:${a}:${end})`;
}
