import { describe, expect, it } from 'vitest';
import {
  describeSensitivity,
  diagnosisOf,
  likelyTransform,
  NUMERIC_ABOVE,
  NUMERIC_BELOW,
  type Sensitivity,
} from './describe-sensitivity.ts';

const nothing: Sensitivity = {
  base: 'ea526800-ea14-11f0-bb2a-f5af100464f2',
  length: 36,
  positions: [],
  case: false,
  unicode: false,
  whitespace: false,
  email: false,
  issuer: false,
  numeric: false,
  hash: null,
  evidence: [],
};
const numericEvidence: Sensitivity['evidence'] = [
  { difference: NUMERIC_BELOW, subs: ['9007199254740990', '9007199254740991'], ignored: false },
  { difference: NUMERIC_ABOVE, subs: ['9007199254740992', '9007199254740993'], ignored: true },
];
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe('describeSensitivity', () => {
  it('names the 2018 slice when positions 0-8 are ignored in a 36-character id', () => {
    expect(describeSensitivity({ ...nothing, positions: range(0, 9) })).toBe(
      'positions 0-8 ignored: the target keeps characters 9..36 ' +
        "(slice:9:36, Blue Button 2.0's 2018 cut: time_low and its hyphen dropped)",
    );
  });

  it('names a kept prefix and a kept suffix', () => {
    expect(describeSensitivity({ ...nothing, positions: range(20, 36) })).toBe(
      'positions 20-35 ignored: the target keeps characters 0..20 (prefix:20)',
    );
    expect(describeSensitivity({ ...nothing, positions: range(0, 24) })).toBe(
      'positions 0-23 ignored: the target keeps characters 24..36 (suffix:12)',
    );
  });

  it('names case, Unicode, whitespace and email classes together', () => {
    const all = { ...nothing, case: true, unicode: true, whitespace: true, email: true };

    expect(describeSensitivity(all)).toBe(
      'case ignored (lower-casing or a case-insensitive collation); Unicode compatibility ' +
        'forms folded (NFKC); whitespace around the sub trimmed; a different sub with the ' +
        'same email is the same user (email as key)',
    );
  });

  it('names numeric ids parsed as float64 by the pairs on both sides of 2^53', () => {
    const numeric = { ...nothing, numeric: true, evidence: numericEvidence };

    expect(describeSensitivity(numeric)).toBe(
      'numeric ids parsed as a JavaScript number (float64): 9007199254740992 and ' +
        '9007199254740993 (above 2^53) were one user, 9007199254740990 and 9007199254740991 ' +
        '(below) two',
    );
    expect(likelyTransform(numeric)).toBe('number');
  });

  it('names a short hash by the widths that merged and stayed apart', () => {
    const hashed = { ...nothing, hash: { bits: 16, keptApart: 15 } };

    expect(describeSensitivity(hashed)).toBe(
      'the key is a short hash of 16 bits (the first 16 bits of SHA-256(sub)): unrelated subs ' +
        'whose digests share their first 16 bits were one user, sharing only 15 two',
    );
    expect(describeSensitivity({ ...nothing, hash: { bits: 1, keptApart: null } })).toBe(
      'the key is a short hash of 1 bits (the first 1 bits of SHA-256(sub)): unrelated subs ' +
        'whose digests share their first 1 bits were one user',
    );
    expect(likelyTransform(hashed)).toBe('sha256-bits:16');
  });

  it('says that nothing was ignored when every difference mattered', () => {
    expect(describeSensitivity(nothing)).toBe(
      "no difference ignored: the target's user key holds the whole of (iss, sub); the findings " +
        'come from elsewhere (a cache, a shared token, UserInfo, concurrent logins)',
    );
    expect(describeSensitivity({ ...nothing, issuer: null })).toBe(
      "no difference ignored: the target's user key holds the whole of the subject (the issuer " +
        'was not probed); the findings come from elsewhere (a cache, a shared token, UserInfo, ' +
        'concurrent logins)',
    );
    expect(likelyTransform(nothing)).toBe('iss-sub');
  });

  it('names a dropped issuer', () => {
    expect(describeSensitivity({ ...nothing, issuer: true })).toBe(
      'the issuer ignored: the same sub from two identity providers is one user',
    );
    expect(likelyTransform({ ...nothing, issuer: true })).toBe('drop-issuer');
    expect(likelyTransform({ ...nothing, issuer: true, positions: range(0, 9) })).toBe(
      'slice:9:36+drop-issuer',
    );
  });

  it('says when the issuer was not probed', () => {
    expect(describeSensitivity({ ...nothing, issuer: null, case: true })).toBe(
      'case ignored (lower-casing or a case-insensitive collation); the issuer was not probed',
    );
  });
});

describe('likelyTransform', () => {
  it('writes each class as the transform step that reproduces it', () => {
    expect(likelyTransform({ ...nothing, positions: range(0, 9) })).toBe('slice:9:36');
    expect(likelyTransform({ ...nothing, positions: range(20, 36) })).toBe('prefix:20');
    expect(likelyTransform({ ...nothing, positions: range(0, 24) })).toBe('suffix:12');
    expect(likelyTransform({ ...nothing, positions: [...range(0, 3), ...range(30, 36)] })).toBe(
      'slice:3:30',
    );
    expect(likelyTransform({ ...nothing, case: true })).toBe('lower');
    expect(likelyTransform({ ...nothing, unicode: true })).toBe('nfkc');
    expect(likelyTransform({ ...nothing, unicode: true, case: true })).toBe('nfkc-casefold');
    expect(likelyTransform({ ...nothing, whitespace: true })).toBe('trim');
    expect(likelyTransform({ ...nothing, email: true })).toBe('email');
    expect(likelyTransform({ ...nothing, whitespace: true, positions: range(0, 9) })).toBe(
      'trim+slice:9:36',
    );
  });

  it('says unknown when the characters kept are not one run', () => {
    expect(likelyTransform({ ...nothing, positions: [3, 4, 30] })).toBe('unknown');
  });
});

describe('diagnosisOf', () => {
  it('carries the mapping, the positions and every pair compared, as results.json holds them', () => {
    const probed = {
      ...nothing,
      numeric: true,
      evidence: numericEvidence,
      summary: 'numeric ids parsed as a JavaScript number (float64): ...',
    };

    expect(diagnosisOf(probed)).toEqual({
      transform: 'number',
      summary: 'numeric ids parsed as a JavaScript number (float64): ...',
      sub: 'ea526800-ea14-11f0-bb2a-f5af100464f2',
      ignored: [],
      differences: [
        {
          difference: 'numeric neighbours below 2^53',
          ignored: false,
          subs: ['9007199254740990', '9007199254740991'],
        },
        {
          difference: 'numeric neighbours above 2^53',
          ignored: true,
          subs: ['9007199254740992', '9007199254740993'],
        },
      ],
    });
  });
});
