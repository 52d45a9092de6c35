import type { Driver } from '../drivers/driver.ts';
import type { Beneficiary } from '../fixtures/population.ts';
import { inspectLogin } from '../oracle/inspect-login.ts';
import { loginThroughApp } from '../scenarios/login-through-app.ts';
import { createTransform } from '../transforms/create-transform.ts';
import { makeTwins } from '../twins/make-twins.ts';
import { isTwinSet } from '../twins/twin-set.ts';
import type { EnrollOptions, World } from '../world/start-world.ts';
import {
  describeSensitivity,
  NUMERIC_ABOVE,
  NUMERIC_BELOW,
  type Evidence,
  type Sensitivity,
} from './describe-sensitivity.ts';

const HEX = '0123456789abcdef';

/** The widest hash prefix the probe tries: colliding pairs take about 2^16 SHA-256 each. */
export const HASH_BITS_TRIED = 32;

/**
 * Beneficiaries the probe needs: the base, one per character of a UUID, case, Unicode, two
 * whitespace, one email and one issuer variant, two numeric pairs, and a hash pair at 32 bits
 * followed by a binary search over 1..32 bits (5 pairs).
 */
export const PROBE_POPULATION = 1 + 36 + 6 + 4 + 2 * (1 + Math.log2(HASH_BITS_TRIED));

export interface ProbeOptions {
  /** Seed of the hash pairs' search (`makeTwins`), so a probe replays. Default 1. */
  seed?: number;
}

/** The character at `index` replaced by another of its kind (hex digit, or a hyphen by a digit). */
function changeAt(sub: string, index: number): string {
  const c = sub[index]!;
  const other = c === '-' ? '0' : HEX[(HEX.indexOf(c.toLowerCase()) + 8) % 16]!;
  return `${sub.slice(0, index)}${other}${sub.slice(index + 1)}`;
}

/**
 * Numeric subs on both sides of 2^53, where float64 stops holding every integer: above it
 * `Number('9007199254740993')` is 9007199254740992, below it every integer is exact. Both pairs
 * differ only in their last digit, so a cut or a hash treats them alike and only a float64
 * parse tells them apart (`transforms/` `number` checks it).
 */
const NUMERIC_PAIRS: [string, [string, string]][] = [
  [NUMERIC_BELOW, ['9007199254740990', '9007199254740991']],
  [NUMERIC_ABOVE, ['9007199254740992', '9007199254740993']],
];

/**
 * The sensitivity probe: starts from one account (a UUID v1, the shape of the 2018 incident),
 * creates accounts whose `sub` differs from it in one way only (one character position, case,
 * Unicode form, whitespace, a wholly different `sub` with the same email, or the same `sub` from
 * the world's other identity provider), then pairs of accounts that only one lossy mapping
 * merges (numeric neighbours on both sides of 2^53; unrelated UUIDs whose SHA-256 share their
 * first bits, found offline by `makeTwins`), logs each in, and records which differences the target ignores: a login that receives the data of the
 * account it was compared with, or is locked out, was filed under that account's user. Black
 * box: it sees only what the apps received and the simulator's records.
 */
export async function probeSensitivity(
  world: World,
  driver: Driver,
  options: ProbeOptions = {},
): Promise<Sensitivity> {
  const seed = options.seed ?? 1;
  const people = world.population.beneficiaries;
  if (people.length < PROBE_POPULATION) {
    throw new Error(`the sensitivity probe needs ${PROBE_POPULATION} beneficiaries`);
  }
  const [app] = world.apps;
  if (!app) throw new Error('the sensitivity probe needs an app');

  const used = new Set<string>();
  let next = 0;
  /**
   * Creates the next beneficiary's account and logs it in. `into(key)`: the login received
   * beneficiary `key`'s data, or was locked out (a conflated identity the target refused), so the
   * target filed it under that beneficiary's user. An accidental merge with another probe
   * account (a short hash merges some by chance) is not counted.
   */
  const login = async (enrollment: EnrollOptions) => {
    const person: Beneficiary = people[next]!;
    next += 1;
    const account = await world.enroll(person, enrollment);
    used.add(account.sub);
    const identityProvider = world.identityProviderOf(person.key)?.choose;
    const findings = inspectLogin(
      await loginThroughApp(driver, app, person, account.sub, { identityProvider }),
      world.ownership,
    );
    const into = (key: string) => findings.some((f) => f.kind === 'lock-out' || f.owner === key);
    return { account, person, sub: account.sub, clean: findings.length === 0, into };
  };
  const evidence: Evidence[] = [];
  /** Logs in both subs, the first one first, and records whether the second merged into it. */
  const pair = async (difference: string, [a, b]: [string, string]): Promise<boolean> => {
    const first = await login({ sub: a });
    const ignored = (await login({ sub: b })).into(first.person.key);
    evidence.push({ difference, subs: [a, b], ignored });
    return ignored;
  };

  const base = await login({ scheme: 'uuid-v1' });
  if (!base.clean) throw new Error('the sensitivity probe needs a clean base login');
  const sub = base.sub;
  const ignores = async (enrollment: EnrollOptions) =>
    (await login(enrollment)).into(base.person.key);
  const sensitivity: Sensitivity = {
    base: sub,
    length: sub.length,
    positions: [],
    case: false,
    unicode: false,
    whitespace: false,
    email: false,
    issuer: null,
    numeric: false,
    hash: null,
    evidence,
  };
  const variant = async (difference: string, enrollment: EnrollOptions) => {
    const other = await login(enrollment);
    const ignored = other.into(base.person.key);
    evidence.push({ difference, subs: [sub, other.sub], ignored });
    return ignored;
  };

  for (const index of sub.split('').keys()) {
    if (await ignores({ sub: changeAt(sub, index) })) sensitivity.positions.push(index);
  }

  // Case and Unicode form are changed only where a character counts, so that a truncation is
  // not mistaken for folding; whitespace on both ends, so that a cut after the last character is
  // not mistaken for trimming.
  const counts = (i: number) => !sensitivity.positions.includes(i) && /[a-f]/.test(sub[i]!);
  const letter = sub.split('').findIndex((_, i) => counts(i));
  if (letter >= 0) {
    const upper = [...sub].map((c, i) => (counts(i) ? c.toUpperCase() : c)).join('');
    sensitivity.case = await variant('letters upper-cased', { sub: upper });
    const fullwidth = String.fromCodePoint(sub.codePointAt(letter)! - 0x21 + 0xff01);
    const wide = `${sub.slice(0, letter)}${fullwidth}${sub.slice(letter + 1)}`;
    sensitivity.unicode = await variant('a letter in its fullwidth form', { sub: wide });
  }
  const trailing = await variant('a space after', { sub: `${sub} ` });
  const leading = await variant('a space before', { sub: ` ${sub}` });
  sensitivity.whitespace = trailing && leading;
  const elsewhere = [...sub].map((_, i) => changeAt(sub, i)[i]).join('');
  sensitivity.email = await variant('every character changed, the same email', {
    sub: elsewhere,
    email: base.account.profile.email,
  });

  // The same sub issued by the world's other identity provider: only the issuer tells the two
  // people apart. A world with one identity provider cannot ask (null).
  if (world.identityProviders.length > 1) {
    sensitivity.issuer = await variant('the same sub from the other identity provider (issuer)', {
      sub,
      identityProvider: 1,
    });
  }

  const [below, above] = await sequentially(NUMERIC_PAIRS, ([d, subs]) => pair(d, subs));
  sensitivity.numeric = above! && !below!;

  // A key cut from SHA-256 merges unrelated subs whose digests share its bits. A pair sharing
  // exactly n leading bits merges exactly when the key has n bits or fewer: one pair at the
  // widest size tried, then a binary search for the key's width.
  const hashPair = (bits: number) => {
    const subs = sharingExactly(bits, seed, used);
    return pair(`unrelated subs whose SHA-256 share exactly their first ${bits} bits`, subs);
  };
  // The guard: a target that keys on no character merges every pair, hash or not.
  const somethingCounts = sensitivity.positions.length < sub.length;
  if (somethingCounts && (await hashPair(HASH_BITS_TRIED))) {
    let [apart, merged] = [0, HASH_BITS_TRIED];
    while (merged - apart > 1) {
      const middle = Math.floor((apart + merged) / 2);
      if (await hashPair(middle)) merged = middle;
      else apart = middle;
    }
    sensitivity.hash = { bits: merged, keptApart: apart === 0 ? null : apart };
  }

  return { ...sensitivity, summary: describeSensitivity(sensitivity) };
}

async function sequentially<T, R>(items: T[], run: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (const item of items) out.push(await run(item));
  return out;
}

/** Colliding pairs take about 2^(bits/2) ids; this budget finds 32-bit ones almost surely. */
const HASH_SEARCH_BUDGET = 2 ** 19;

/**
 * Two UUID v4 subs, neither in `used`, whose SHA-256 share exactly their first `bits` bits: a
 * twin set of `makeTwins` under `sha256-bits:<bits>` whose members differ in the next bit. Each
 * attempt issues from its own seed.
 */
export function sharingExactly(bits: number, seed: number, used: Set<string>): [string, string] {
  const within = createTransform(`sha256-bits:${bits}`);
  const beyond = createTransform(`sha256-bits:${bits + 1}`);
  for (let attempt = 0; attempt < 64; attempt += 1) {
    const set = makeTwins({
      scheme: 'uuid-v4',
      transform: within,
      seed: seed * 4_096 + bits * 64 + attempt,
      budget: HASH_SEARCH_BUDGET,
    });
    if (!isTwinSet(set)) continue;
    const [a, b] = set.ids as [string, string];
    if (used.has(a) || used.has(b)) continue;
    if (beyond.key('', a) === beyond.key('', b)) continue;
    return [a, b];
  }
  throw new Error(`no two subs whose SHA-256 share exactly ${bits} bits within 64 attempts`);
}
