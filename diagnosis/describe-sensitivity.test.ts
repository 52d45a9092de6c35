import { describe, expect, it } from 'vitest';
import { describeSensitivity, type Sensitivity } from './describe-sensitivity.ts';

const nothing: Sensitivity = {
  base: 'ea526800-ea14-11f0-bb2a-f5af100464f2',
  length: 36,
  positions: [],
  case: false,
  unicode: false,
  whitespace: false,
  email: false,
};
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

  it('says that nothing was ignored when every difference mattered', () => {
    expect(describeSensitivity(nothing)).toBe(
      'no difference ignored: the target keys on the whole (iss, sub)',
    );
  });
});
