import { describe, expect, it } from 'vitest';
import { DEFECTS, userKey, type Defect } from './user-key.ts';

const iss = 'http://127.0.0.1:4000';
// Two UUID v1 subjects from one node 1 s apart: only `time_low` (the first 8 hex digits) differs.
const first = { iss, sub: '1c3ac400-ea16-11f0-8000-0000a1b2c3d4' };
const second = { iss, sub: '1cd35a80-ea16-11f0-8000-0000a1b2c3d4' };

/**
 * Pairs of distinct identities, each of which one defect merges into one user. Every test below
 * states the merge as the defect's bug; `none` must keep every pair apart.
 */
/** Defects whose mistake is outside the key: `userKey` is the correct (`iss`, `sub`) for them. */
const OUTSIDE_THE_KEY = [
  'case-insensitive-column',
  'shared-token-across-apps',
  'userinfo-sub-unchecked',
  'first-login-race',
] as const;

const TWINS: Record<
  Exclude<Defect, 'none' | (typeof OUTSIDE_THE_KEY)[number]>,
  [object, object]
> = {
  'truncate-uuid-96': [first, second],
  'guarded-truncate-uuid-96': [first, second],
  // An Okta-like id and one that differs in its 20th character only.
  'truncate-prefix-20': [
    { iss, sub: '00uHIVi3c8HVftARyuau-a' },
    { iss, sub: '00uHIVi3c8HVftARyuau-b' },
  ],
  // Two UUID v4-like ids that share the node field.
  'truncate-suffix-12': [
    { iss, sub: '0f8fad5b-d9cb-469f-a165-70867728950e' },
    { iss, sub: '7c9e6679-7425-40de-944b-70867728950e' },
  ],
  // A fullwidth "ａ" (U+FF41) that NFKC turns into "a".
  'nfkc-fold': [
    { iss, sub: '00uHIVi3c8HVftARyuau' },
    { iss, sub: '00uHIVi3c8HVftARyu\uff41u' },
  ],
  'trim-whitespace': [
    { iss, sub: '00uHIVi3c8HVftARyuau' },
    { iss, sub: '00uHIVi3c8HVftARyuau ' },
  ],
  // 2^53 + 1 has no float64 of its own: it rounds to 2^53.
  'numeric-sub': [
    { iss, sub: '9007199254740992' },
    { iss, sub: '9007199254740993' },
  ],
  // Found by search: both start with the SHA-256 prefix 0x49ea.
  'short-hash-16': [
    { iss, sub: 'short-hash-twin-29' },
    { iss, sub: 'short-hash-twin-69' },
  ],
  'email-key': [
    { iss, sub: 'a-1', email: 'ann@example.test' },
    { iss: 'http://127.0.0.1:4001', sub: 'b-2', email: 'ann@example.test' },
  ],
  'response-cache-prefix-8': [first, second],
  // The same sub from the target's two identity systems: unique within each, not across them.
  'issuer-ignored': [first, { iss: 'http://127.0.0.1:4001', sub: first.sub }],
};

describe('userKey', () => {
  it('keys the same subject from two issuers differently with defect none', () => {
    const other = { iss: 'http://127.0.0.1:4001', sub: first.sub };

    expect(userKey('none', first)).not.toBe(userKey('none', other));
  });

  it('keys the same identity the same way on every login with defect none', () => {
    expect(userKey('none', { ...first })).toBe(userKey('none', first));
  });

  it('is (iss, sub) for none and for the defects that act outside the key', () => {
    for (const defect of ['none', 'response-cache-prefix-8', ...OUTSIDE_THE_KEY] as const) {
      expect(userKey(defect, first)).toBe(JSON.stringify([iss, first.sub]));
    }
  });

  it('has twins for every defect but none and those outside the key', () => {
    expect(Object.keys(TWINS).sort()).toEqual(
      DEFECTS.filter(
        (d) => d !== 'none' && !(OUTSIDE_THE_KEY as readonly string[]).includes(d),
      ).sort(),
    );
  });

  it('keys on sub alone with defect issuer-ignored', () => {
    expect(userKey('issuer-ignored', first)).toBe('1c3ac400-ea16-11f0-8000-0000a1b2c3d4');
  });

  for (const [defect, [a, b]] of Object.entries(TWINS)) {
    it(`keeps the ${defect} twins apart with defect none`, () => {
      expect(userKey('none', a as never)).not.toBe(userKey('none', b as never));
    });
  }

  for (const defect of Object.keys(TWINS) as (keyof typeof TWINS)[]) {
    if (defect === 'response-cache-prefix-8') continue;
    it(`merges its twins into one user with defect ${defect}: the bug it reproduces`, () => {
      const [a, b] = TWINS[defect];

      expect(userKey(defect, a as never)).toBe(userKey(defect, b as never));
    });
  }

  it('drops exactly the first 9 characters and keeps 27 with defect truncate-uuid-96', () => {
    const key = userKey('truncate-uuid-96', first);

    expect(key).toHaveLength(27);
    expect(first.sub.endsWith(key)).toBe(true);
  });

  it('does not merge random UUID v4 subjects with defect truncate-uuid-96', () => {
    const a = { iss, sub: '0f8fad5b-d9cb-469f-a165-70867728950e' };
    const b = { iss, sub: '7c9e6679-7425-40de-944b-e07fc1f90ae7' };

    expect(userKey('truncate-uuid-96', a)).not.toBe(userKey('truncate-uuid-96', b));
  });

  it('leaves numeric subjects below 2^53 apart with defect numeric-sub', () => {
    const a = { iss, sub: '9007199254740990' };
    const b = { iss, sub: '9007199254740991' };

    expect(userKey('numeric-sub', a)).not.toBe(userKey('numeric-sub', b));
  });
});
