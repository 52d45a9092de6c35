import { describe, expect, it } from 'vitest';
import { TwinsubError } from '../core/twinsub-error.ts';
import { createTransform } from './create-transform.ts';

const ISS = 'https://idp.twinsub.test';
const V1 = 'ea526800-ea14-11f0-8dfa-9f40bf8b86a1';

function key(spec: string, sub: string, claims = {}) {
  return createTransform(spec).key(ISS, sub, claims);
}

describe('createTransform', () => {
  it('keys on (iss, sub) under iss-sub, the correct mapping', () => {
    expect(key('iss-sub', V1)).toBe(`${ISS} ${V1}`);
  });

  it('keeps characters 9..36 under slice:9:36, as Blue Button did in 2018', () => {
    expect(key('slice:9:36', V1)).toBe(`${ISS} ea14-11f0-8dfa-9f40bf8b86a1`);
    expect(key('slice:9:36+drop-issuer', V1)).toBe('ea14-11f0-8dfa-9f40bf8b86a1');
  });

  it('keeps the first or last N characters', () => {
    expect(key('prefix:8+drop-issuer', V1)).toBe('ea526800');
    expect(key('suffix:12+drop-issuer', V1)).toBe('9f40bf8b86a1');
  });

  it('cuts UTF-8 bytes and replaces a split character with U+FFFD', () => {
    expect(key('prefix-bytes:2+drop-issuer', 'éa')).toBe('é');
    expect(key('prefix-bytes:1+drop-issuer', 'éa')).toBe('\ufffd');
    expect(key('suffix-bytes:1+drop-issuer', 'aé')).toBe('\ufffd');
    expect(key('slice-bytes:1:3+drop-issuer', 'abcd')).toBe('bc');
  });

  it('folds case three ways', () => {
    expect(key('lower+drop-issuer', '00uAbC')).toBe('00uabc');
    expect(key('upper+drop-issuer', '00uAbC')).toBe('00UABC');
    // utf8mb4_general_ci weighs ß as one s (utf8mb4_unicode_ci would say ss).
    expect(key('mariadb-ci+drop-issuer', 'Straße é  ')).toBe('STRASE E');
  });

  it('merges compatibility forms but keeps case under nfkc', () => {
    expect(key('nfkc+drop-issuer', '\uff21b\u00b2')).toBe('Ab2');
    expect(key('nfkc+drop-issuer', 'Ab')).not.toBe(key('nfkc+drop-issuer', 'ab'));
  });

  it('merges compatibility forms and dotless i under nfkc-casefold', () => {
    expect(key('nfkc-casefold+drop-issuer', 'ﬁ²')).toBe('fi2');
    expect(key('nfkc-casefold+drop-issuer', 'ı')).toBe('i');
  });

  it('trims whitespace', () => {
    expect(key('trim+drop-issuer', ' 42\t')).toBe('42');
  });

  it('parses decimal ids as float64 and refuses anything else', () => {
    expect(key('number+drop-issuer', '110169484474386276334')).toBe('110169484474386270000');
    expect(key('number+drop-issuer', '110169484474386276335')).toBe('110169484474386270000');
    expect(key('number', V1)).toBeNull();
  });

  it('keeps the first N bits of SHA-256', () => {
    // SHA-256('abc') = ba7816bf...
    expect(key('sha256-bits:32+drop-issuer', 'abc')).toBe('ba7816bf');
    expect(key('sha256-bits:12+drop-issuer', 'abc')).toBe('ba70');
  });

  it('strips a provider prefix', () => {
    expect(key('strip-provider-prefix', 'auth0|507f1f77bcf86cd799439011')).toBe(
      `${ISS} 507f1f77bcf86cd799439011`,
    );
    expect(key('strip-provider-prefix', 'plain')).toBe(`${ISS} plain`);
  });

  it('keys on the email claim across issuers, and refuses a login without one', () => {
    expect(key('email', V1, { email: 'a@example.test' })).toBe('a@example.test');
    expect(key('email', V1)).toBeNull();
  });

  it('applies composed steps left to right', () => {
    expect(key('suffix:3+upper+drop-issuer', 'abcdef')).toBe('DEF');
    expect(createTransform(' lower + prefix:2 ').spec).toBe('lower+prefix:2');
  });

  it('reports every problem in a spec at once', () => {
    const attempt = () => createTransform('slice:9+prefix:0+shout');

    expect(attempt).toThrowError(TwinsubError);
    expect(attempt).toThrowError(
      "transform step 'slice' must be written slice:a:b with integer parameters (got 'slice:9'); " +
        "transform step prefix:N: N must be an integer >= 1 (got 'prefix:0'); " +
        'transform steps must be one of iss-sub, prefix:N, suffix:N, slice:a:b, prefix-bytes:N, ' +
        'suffix-bytes:N, slice-bytes:a:b, lower, upper, mariadb-ci, nfkc, nfkc-casefold, trim, ' +
        "number, sha256-bits:N, drop-issuer, strip-provider-prefix, email (got 'shout')",
    );
    expect(() => createTransform('')).toThrowError(
      "transform must be a spec such as 'slice:9:36' (got '')",
    );
    expect(() => createTransform('slice:5:5')).toThrowError(
      "transform step slice:a:b: a and b must be integers with 0 <= a < b (got 'slice:5:5')",
    );
  });
});
