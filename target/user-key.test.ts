import { describe, expect, it } from 'vitest';
import { userKey } from './user-key.ts';

const iss = 'http://127.0.0.1:4000';
// Two UUID v1 subjects from one node 1 s apart: only `time_low` (the first 8 hex digits) differs.
const first = { iss, sub: '1c3ac400-ea16-11f0-8000-0000a1b2c3d4' };
const second = { iss, sub: '1cd35a80-ea16-11f0-8000-0000a1b2c3d4' };

describe('userKey', () => {
  it('keys two twin subjects differently with defect none', () => {
    expect(userKey('none', first)).not.toBe(userKey('none', second));
  });

  it('keys the same subject from two issuers differently with defect none', () => {
    const other = { iss: 'http://127.0.0.1:4001', sub: first.sub };

    expect(userKey('none', first)).not.toBe(userKey('none', other));
  });

  it('keys the same identity the same way on every login with defect none', () => {
    expect(userKey('none', { ...first })).toBe(userKey('none', first));
  });

  it('merges two twin subjects into one user with defect truncate-uuid-96', () => {
    // This is the 2018 bug reproduced on purpose: the keys collide, which is what makes it wrong.
    expect(userKey('truncate-uuid-96', first)).toBe(userKey('truncate-uuid-96', second));
  });

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
});
