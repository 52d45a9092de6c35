import { describe, expect, it } from 'vitest';
import { mbiHash } from '../fixtures/mbi-hash.ts';
import { hashMbi } from './hash-mbi.ts';

const SETTINGS = { salt: '6E6F747468657265616C706570706572', iterations: 2 };

describe('hashMbi', () => {
  it("agrees with the fixtures' hash the data backend is indexed by", () => {
    expect(hashMbi('1EG4TE5MK73', SETTINGS)).toBe(mbiHash('1EG4TE5MK73', SETTINGS));
  });

  it('gives 64 lower-case hex digits that change with the salt', () => {
    const hash = hashMbi('1EG4TE5MK73', SETTINGS);

    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashMbi('1EG4TE5MK73', { ...SETTINGS, salt: '00' })).not.toBe(hash);
  });
});
