import type { Diagnosis } from '../reporting/results.ts';

/** Two subs the probe logged in one after the other, and whether the target merged them. */
export interface Evidence {
  /** How the second sub differs from the first, in words. */
  difference: string;
  subs: [string, string];
  /** The second login received the first one's data or was locked out: one user. */
  ignored: boolean;
}

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
  /**
   * The same `sub` from a second identity provider was filed under the same user: the key drops
   * the issuer. `null` when the world had one identity provider, so the probe could not ask.
   */
  issuer: boolean | null;
  /**
   * Numeric subs just above 2^53 merged with their neighbour while those just below stayed
   * apart: the target parses them as a JavaScript number (float64).
   */
  numeric: boolean;
  /**
   * Unrelated subs whose SHA-256 share their first `bits` bits merged, and sharing `keptApart`
   * (`bits - 1`, or `null` when not tried) they did not: the key is a short hash of the sub.
   */
  hash: { bits: number; keptApart: number | null } | null;
  /** Every pair compared besides the one-position changes, with what the target did. */
  evidence: Evidence[];
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

/** The evidence pair behind a numeric or hash finding, by the start of its description. */
function pairOf(s: Sensitivity, start: string): [string, string] | undefined {
  return s.evidence.find((e) => e.difference.startsWith(start))?.subs;
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
    const kept = keptRuns(s);
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
  if (s.issuer) {
    parts.push('the issuer ignored: the same sub from two identity providers is one user');
  }
  if (s.numeric) {
    const [a, b] = pairOf(s, NUMERIC_ABOVE) ?? ['?', '?'];
    const [c, d] = pairOf(s, NUMERIC_BELOW) ?? ['?', '?'];
    parts.push(
      `numeric ids parsed as a JavaScript number (float64): ${a} and ${b} (above 2^53) were ` +
        `one user, ${c} and ${d} (below) two`,
    );
  }
  if (s.hash) {
    const { bits, keptApart } = s.hash;
    const apart = keptApart === null ? '' : `, sharing only ${keptApart} two`;
    parts.push(
      `the key is a short hash of ${bits} bits (the first ${bits} bits of SHA-256(sub)): ` +
        `unrelated subs whose digests share their first ${bits} bits were one user${apart}`,
    );
  }
  // With one identity provider the issuer could not be asked about: say so, not that it was kept.
  if (parts.length > 0 && s.issuer === null) parts.push('the issuer was not probed');
  if (parts.length > 0) return parts.join('; ');
  const issuer = s.issuer === null ? 'the subject (the issuer was not probed)' : '(iss, sub)';
  return (
    `no difference ignored: the target's user key holds the whole of ${issuer}; the findings ` +
    'come from elsewhere (a cache, a shared token, UserInfo, concurrent logins)'
  );
}

/** Descriptions of the numeric evidence pairs, which `describeSensitivity` quotes. */
export const NUMERIC_ABOVE = 'numeric neighbours above 2^53';
export const NUMERIC_BELOW = 'numeric neighbours below 2^53';

function keptRuns(s: Sensitivity): [number, number][] {
  return runs(
    Array.from({ length: s.length }, (_, i) => i).filter((i) => !s.positions.includes(i)),
  );
}

function name(kept: [number, number][], length: number): string {
  const spec = cutSpec(kept, length);
  if (spec === 'slice:9:36') {
    return " (slice:9:36, Blue Button 2.0's 2018 cut: time_low and its hyphen dropped)";
  }
  return spec === undefined ? '' : ` (${spec})`;
}

/** The truncation that keeps exactly the one run of characters kept, as a transform spec. */
function cutSpec(kept: [number, number][], length: number): string | undefined {
  if (kept.length !== 1) return undefined;
  const [a, b] = kept[0]!;
  const end = b + 1;
  // Characters 9..36 of a UUID are Blue Button 2.0's 2018 cut, written as it wrote it.
  if (a === 9 && end === 36 && length === 36) return 'slice:9:36';
  if (a === 0) return `prefix:${end}`;
  if (end === length) return `suffix:${length - a}`;
  return `slice:${a}:${end}`;
}

/**
 * The mapping as a transform spec (`transforms/`), steps joined by `+`: `slice:9:36`, `lower`,
 * `number`, `sha256-bits:16`, `drop-issuer`...; `iss-sub` when the target ignored no difference,
 * `unknown` when it ignored characters no single cut explains.
 */
export function likelyTransform(s: Sensitivity): string {
  const steps: string[] = [];
  if (s.whitespace) steps.push('trim');
  if (s.unicode) steps.push(s.case ? 'nfkc-casefold' : 'nfkc');
  else if (s.case) steps.push('lower');
  if (s.positions.length > 0) steps.push(cutSpec(keptRuns(s), s.length) ?? 'unknown');
  if (s.numeric) steps.push('number');
  if (s.hash) steps.push(`sha256-bits:${s.hash.bits}`);
  if (s.email) steps.push('email');
  if (s.issuer) steps.push('drop-issuer');
  if (steps.includes('unknown')) return 'unknown';
  return steps.length === 0 ? 'iss-sub' : steps.join('+');
}

/** The probe's result as results.json carries it (the reporter or the caller adds `scenario`). */
export function diagnosisOf(s: Sensitivity): Omit<Diagnosis, 'scenario'> {
  return {
    transform: likelyTransform(s),
    summary: s.summary ?? describeSensitivity(s),
    sub: s.base,
    ignored: [...s.positions],
    differences: s.evidence.map((e) => ({
      difference: e.difference,
      ignored: e.ignored,
      subs: [e.subs[0], e.subs[1]],
    })),
  };
}
