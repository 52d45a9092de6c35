import { createHash } from 'node:crypto';
import type { Identity } from './transform.ts';
import { mariadbCollationKey } from './mariadb-collation-key.ts';

type Apply = (identity: Identity, args: readonly number[]) => Identity | null;

/** One step kind: its parameters' names and what the spec's numbers must satisfy. */
export interface StepDefinition {
  readonly params: readonly string[];
  /** A problem with the parameters, or `undefined` when they fit. */
  check(args: readonly number[]): string | undefined;
  describe(args: readonly number[]): string;
  apply: Apply;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: false });

const onSub = (map: (sub: string, args: readonly number[]) => string | null): Apply => {
  return (identity, args) => {
    const sub = map(identity.sub, args);
    return sub === null ? null : { ...identity, sub };
  };
};

const onBytes = (cut: (bytes: Uint8Array, args: readonly number[]) => Uint8Array): Apply =>
  // Cutting UTF-8 mid-character leaves invalid bytes; a decoder replaces them with U+FFFD.
  onSub((sub, args) => decoder.decode(cut(encoder.encode(sub), args)));

const positive = (args: readonly number[]) =>
  args.every((n) => n >= 1) ? undefined : 'N must be an integer >= 1';
const range = ([a = 0, b = 0]: readonly number[]) =>
  b > a ? undefined : 'a and b must be integers with 0 <= a < b';
const none = () => undefined;

/** Every step kind by name, as `createTransform` parses them. */
export const STEP_DEFINITIONS: Readonly<Record<string, StepDefinition>> = {
  'iss-sub': {
    params: [],
    check: none,
    describe: () => 'the key is (iss, sub) itself: OpenID Connect Core section 5.7',
    apply: (identity) => identity,
  },
  prefix: {
    params: ['N'],
    check: positive,
    describe: ([n]) => `keeps the first ${n} characters of sub`,
    apply: onSub((sub, [n]) => sub.slice(0, n)),
  },
  suffix: {
    params: ['N'],
    check: positive,
    describe: ([n]) => `keeps the last ${n} characters of sub`,
    apply: onSub((sub, [n = 0]) => sub.slice(Math.max(0, sub.length - n))),
  },
  slice: {
    params: ['a', 'b'],
    check: range,
    describe: ([a, b]) => `keeps characters ${a}..${b} of sub (end excluded)`,
    apply: onSub((sub, [a, b]) => sub.slice(a, b)),
  },
  'prefix-bytes': {
    params: ['N'],
    check: positive,
    describe: ([n]) => `keeps the first ${n} UTF-8 bytes of sub`,
    apply: onBytes((bytes, [n]) => bytes.subarray(0, n)),
  },
  'suffix-bytes': {
    params: ['N'],
    check: positive,
    describe: ([n]) => `keeps the last ${n} UTF-8 bytes of sub`,
    apply: onBytes((bytes, [n = 0]) => bytes.subarray(Math.max(0, bytes.length - n))),
  },
  'slice-bytes': {
    params: ['a', 'b'],
    check: range,
    describe: ([a, b]) => `keeps UTF-8 bytes ${a}..${b} of sub (end excluded)`,
    apply: onBytes((bytes, [a, b]) => bytes.subarray(a, b)),
  },
  lower: {
    params: [],
    check: none,
    describe: () => 'lower-cases sub',
    apply: onSub((sub) => sub.toLowerCase()),
  },
  upper: {
    params: [],
    check: none,
    describe: () => 'upper-cases sub',
    apply: onSub((sub) => sub.toUpperCase()),
  },
  'mariadb-ci': {
    params: [],
    check: none,
    describe: () => 'compares sub as a MariaDB utf8mb4_general_ci column does',
    apply: onSub((sub) => mariadbCollationKey(sub)),
  },
  nfkc: {
    params: [],
    check: none,
    describe: () => 'applies Unicode NFKC (fullwidth and superscript forms become ASCII)',
    apply: onSub((sub) => sub.normalize('NFKC')),
  },
  'nfkc-casefold': {
    params: [],
    check: none,
    describe: () => 'applies Unicode NFKC, then case folding',
    // JavaScript has no full case folding; upper- then lower-casing is the usual stand-in and,
    // like a Turkish-locale bug, merges dotless i with i.
    apply: onSub((sub) => sub.normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC')),
  },
  trim: {
    params: [],
    check: none,
    describe: () => 'trims whitespace around sub',
    apply: onSub((sub) => sub.trim()),
  },
  number: {
    params: [],
    check: none,
    describe: () => 'parses sub as a JavaScript number (float64)',
    // Only decimal integers parse; any other sub makes the mapping fail, not merge.
    apply: onSub((sub) => (/^-?\d+$/.test(sub) ? String(Number(sub)) : null)),
  },
  'sha256-bits': {
    params: ['N'],
    check: ([n = 0]) => (n >= 1 && n <= 256 ? undefined : 'N must be an integer in 1..256'),
    describe: ([n]) => `keeps the first ${n} bits of SHA-256(sub)`,
    apply: onSub((sub, [n = 0]) => firstBits(createHash('sha256').update(sub).digest(), n)),
  },
  'drop-issuer': {
    params: [],
    check: none,
    describe: () => 'drops the issuer: the key is sub alone',
    apply: (identity) => ({ ...identity, iss: '' }),
  },
  'strip-provider-prefix': {
    params: [],
    check: none,
    describe: () => 'strips a provider prefix (`provider|id` becomes `id`)',
    apply: onSub((sub) => sub.slice(sub.indexOf('|') + 1)),
  },
  email: {
    params: [],
    check: none,
    describe: () => 'keys on the email claim, across issuers (the nOAuth class)',
    apply: ({ claims }) =>
      typeof claims.email === 'string' ? { iss: '', sub: claims.email, claims } : null,
  },
};

/** The first `bits` bits of `digest` as hex, the bits past them in the last digit zeroed. */
function firstBits(digest: Uint8Array, bits: number): string {
  const bytes = Uint8Array.from(digest.subarray(0, Math.ceil(bits / 8)));
  const spare = bytes.length * 8 - bits;
  const last = bytes.length - 1;
  bytes[last] = (bytes[last] ?? 0) & (0xff << spare);
  return Buffer.from(bytes).toString('hex');
}
