import { afterEach, describe, expect, it } from 'vitest';
import { protocolDriver } from '../drivers/protocol-driver.ts';
import { createTransform } from '../transforms/create-transform.ts';
import { startWorld, type World } from '../world/start-world.ts';
import { likelyTransform, type Sensitivity } from './describe-sensitivity.ts';
import { PROBE_POPULATION, probeSensitivity, sharingExactly } from './sensitivity-probe.ts';

let world: World | undefined;
const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);
afterEach(async () => world?.stop());

async function probe(defect: string): Promise<Sensitivity> {
  world = await startWorld({ seed: 3, defect, populationSize: PROBE_POPULATION });
  return probeSensitivity(world, protocolDriver(), { seed: 3 });
}

/** The differences (besides single positions) the target ignored. */
const ignoredDifferences = (s: Sensitivity) =>
  s.evidence.filter((e) => e.ignored).map((e) => e.difference);

/** Every hash pair tried, in order: bits shared and whether the target merged it. */
const hashTrials = (s: Sensitivity) =>
  s.evidence
    .filter((e) => e.difference.startsWith('unrelated subs'))
    .map((e) => [Number(/first (\d+) bits/.exec(e.difference)![1]), e.ignored]);

describe('probeSensitivity', { timeout: 300_000 }, () => {
  it('names the 2018 slice exactly against defect truncate-uuid-96', async () => {
    const sensitivity = await probe('truncate-uuid-96');

    expect(sensitivity.positions).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect([
      sensitivity.case,
      sensitivity.unicode,
      sensitivity.whitespace,
      sensitivity.email,
      sensitivity.issuer,
      sensitivity.numeric,
      sensitivity.hash,
    ]).toEqual([false, false, false, false, true, false, null]);
    // The 2018 code kept only part of `sub`, so the issuer went too (one issuer then).
    expect(sensitivity.summary).toBe(
      'positions 0-8 ignored: the target keeps characters 9..36 ' +
        "(slice:9:36, Blue Button 2.0's 2018 cut: time_low and its hyphen dropped); " +
        'the issuer ignored: the same sub from two identity providers is one user',
    );
    expect(likelyTransform(sensitivity)).toBe('slice:9:36+drop-issuer');
  });

  // Every other truncation and folding of the catalog, named as the mapping it applies, with the
  // character positions of the base UUID (36 characters) it ignored.
  it.each([
    ['truncate-prefix-20', 'prefix:20+drop-issuer', range(20, 35)],
    ['truncate-suffix-12', 'suffix:12+drop-issuer', range(0, 23)],
    ['guarded-truncate-uuid-96', 'slice:9:36+drop-issuer', range(0, 8)],
    ['case-insensitive-column', 'lower', []],
    ['nfkc-fold', 'nfkc', []],
    ['trim-whitespace', 'trim', []],
  ])('names defect %s as %s', async (defect, mapping, positions) => {
    const sensitivity = await probe(defect);

    expect([likelyTransform(sensitivity), sensitivity.positions]).toEqual([mapping, positions]);
  });

  it('names numeric ids parsed as a JavaScript number against defect numeric-sub', async () => {
    const sensitivity = await probe('numeric-sub');

    expect(sensitivity.summary).toBe(
      'numeric ids parsed as a JavaScript number (float64): 9007199254740992 and ' +
        '9007199254740993 (above 2^53) were one user, 9007199254740990 and 9007199254740991 ' +
        '(below) two',
    );
    expect(likelyTransform(sensitivity)).toBe('number');
    expect(sensitivity.positions).toEqual([]);
    expect(ignoredDifferences(sensitivity)).toEqual(['numeric neighbours above 2^53']);
    expect(sensitivity.hash).toBeNull();
  });

  it('names a short hash of 16 bits against defect short-hash-16', async () => {
    const sensitivity = await probe('short-hash-16');

    expect(sensitivity.summary).toBe(
      'the issuer ignored: the same sub from two identity providers is one user; the key is a ' +
        'short hash of 16 bits (the first 16 bits of SHA-256(sub)): unrelated subs whose digests ' +
        'share their first 16 bits were one user, sharing only 15 two',
    );
    expect(likelyTransform(sensitivity)).toBe('sha256-bits:16+drop-issuer');
    expect(sensitivity.hash).toEqual({ bits: 16, keptApart: 15 });
    // 32 bits merge, then the binary search: 16 merge, 8, 12, 14 and 15 stay apart.
    expect(hashTrials(sensitivity)).toEqual([
      [32, true],
      [16, true],
      [8, false],
      [12, false],
      [14, false],
      [15, false],
    ]);
    expect(sensitivity.positions).toEqual([]);
    expect(sensitivity.numeric).toBe(false);
  });

  it('names the issuer dropped against defect issuer-ignored', async () => {
    const sensitivity = await probe('issuer-ignored');

    expect(sensitivity.summary).toBe(
      'the issuer ignored: the same sub from two identity providers is one user',
    );
    expect(likelyTransform(sensitivity)).toBe('drop-issuer');
    expect(sensitivity.positions).toEqual([]);
    expect(ignoredDifferences(sensitivity)).toEqual([
      'the same sub from the other identity provider (issuer)',
    ]);
  });

  it('names no mapping against defect none', async () => {
    const sensitivity = await probe('none');

    expect(sensitivity.summary).toBe(
      "no difference ignored: the target's user key holds the whole of (iss, sub); the findings " +
        'come from elsewhere (a cache, a shared token, UserInfo, concurrent logins)',
    );
    expect(likelyTransform(sensitivity)).toBe('iss-sub');
    expect(sensitivity.issuer).toBe(false);
    expect(sensitivity.evidence.map((e) => [e.difference, e.ignored])).toEqual([
      ['letters upper-cased', false],
      ['a letter in its fullwidth form', false],
      ['a space after', false],
      ['a space before', false],
      ['every character changed, the same email', false],
      ['the same sub from the other identity provider (issuer)', false],
      ['numeric neighbours below 2^53', false],
      ['numeric neighbours above 2^53', false],
      ['unrelated subs whose SHA-256 share exactly their first 32 bits', false],
    ]);
  });
});

describe('sharingExactly', () => {
  it('finds unrelated subs whose SHA-256 share exactly the first n bits', () => {
    for (const bits of [1, 8, 16, 20]) {
      const [a, b] = sharingExactly(bits, 3, new Set());
      const key = (n: number, sub: string) => createTransform(`sha256-bits:${n}`).key('', sub);

      expect([
        a === b,
        key(bits, a) === key(bits, b),
        key(bits + 1, a) === key(bits + 1, b),
      ]).toEqual([false, true, false]);
    }
  });

  it('never hands out a sub already used', () => {
    const first = sharingExactly(8, 3, new Set());
    const second = sharingExactly(8, 3, new Set(first));

    expect(second.filter((sub) => first.includes(sub))).toEqual([]);
  });
});

describe('the numeric pairs', () => {
  it('merge under float64 above 2^53 only, and under no cut the probe can tell from it', () => {
    const merged = (spec: string, a: string, b: string) => {
      const transform = createTransform(spec);
      return transform.key('', a) === transform.key('', b);
    };
    const below = ['9007199254740990', '9007199254740991'] as const;
    const above = ['9007199254740992', '9007199254740993'] as const;

    expect([merged('number', ...below), merged('number', ...above)]).toEqual([false, true]);
    for (const spec of ['prefix:15', 'suffix:12', 'slice:9:36', 'prefix:8', 'sha256-bits:16']) {
      expect(merged(spec, ...below)).toBe(merged(spec, ...above));
    }
  });
});
