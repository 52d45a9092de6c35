import { describe, expect, it } from 'vitest';
import type { Defect } from '../target/user-key.ts';
import { EXPECTED_MAPPING, type MatrixRow } from './matrix-run.ts';
import { line, seedList, totals } from './matrix.ts';

const row = (defect: Defect, seed: number, findings: number): MatrixRow => ({
  defect,
  seed,
  detectedAs: findings > 0 ? 'violation' : 'missed',
  caughtBy: findings > 0 ? 'twins' : null,
  msToDetection: findings > 0 ? 12_300 : null,
  findings,
  diagnosis: null,
  mapping: null,
  expectedMapping: defect === 'none' ? null : EXPECTED_MAPPING[defect],
  diagnosedRight: null,
  pass: defect === 'none' ? findings === 0 : findings > 0,
});

describe('seedList', () => {
  it('reads seeds and inclusive ranges, each seed once, in the order given', () => {
    const problems: string[] = [];

    expect(seedList(problems, '1-5')).toEqual([1, 2, 3, 4, 5]);
    expect(seedList(problems, '7, 3-4,7,0')).toEqual([7, 3, 4, 0]);
    expect(problems).toEqual([]);
  });

  it('names a list it cannot read', () => {
    const problems: string[] = [];
    for (const bad of ['5-1', '1-x', '', '1,,2']) seedList(problems, bad);

    expect(problems).toEqual(
      ['5-1', '1-x', '', '1,,2'].map(
        (bad) =>
          '--seeds must be seeds from 0 to 2147483647 or ranges of them such as 1-20 or 1,5,9 ' +
          `(got '${bad}')`,
      ),
    );
  });

  it('names the cap when a list is readable but too long', () => {
    const problems: string[] = [];
    seedList(problems, '0-1000');
    seedList(problems, '0-600,601-1200');

    expect(problems).toEqual([
      "--seeds must name at most 1000 seeds (got '0-1000')",
      '--seeds must name at most 1000 seeds (got 1201)',
    ]);
  });
});

describe('the printed matrix over several seeds', () => {
  it('gives each seed its line with its findings', () => {
    expect(line(row('none', 3, 0), true)).toBe('ok   none (seed 3): clean, 0 findings');
    expect(line(row('none', 4, 2), true)).toBe(
      'FAIL none (seed 4): violation by twins in 12.3 s, 2 findings',
    );
    expect(line(row('truncate-uuid-96', 1, 10), false)).toBe(
      'ok   truncate-uuid-96: violation by twins in 12.3 s, 10 findings',
    );
  });

  it('says what the probe named, and what the planted defect applies when they differ', () => {
    const right = {
      ...row('truncate-uuid-96', 1, 10),
      mapping: 'slice:9:36+drop-issuer',
      diagnosedRight: true,
    };
    const wrong = {
      ...row('truncate-suffix-12', 1, 2),
      mapping: 'iss-sub',
      diagnosedRight: false,
      pass: false,
    };
    const falseAlarm = { ...row('none', 1, 3), mapping: 'iss-sub' };
    const failed = {
      ...row('email-key', 1, 4),
      diagnosis: 'the sensitivity probe could not run: no port',
      diagnosedRight: false,
      pass: false,
    };

    expect(line(right, false)).toBe(
      'ok   truncate-uuid-96: violation by twins in 12.3 s, 10 findings, diagnosed as ' +
        'slice:9:36+drop-issuer',
    );
    expect(line(wrong, false)).toBe(
      'FAIL truncate-suffix-12: violation by twins in 12.3 s, 2 findings, diagnosed as iss-sub ' +
        '(expected suffix:12+drop-issuer)',
    );
    // `none` has no mapping to expect: a false alarm is diagnosed, never judged.
    expect(line(falseAlarm, false)).toBe(
      'FAIL none: violation by twins in 12.3 s, 3 findings, diagnosed as iss-sub',
    );
    expect(line(failed, false)).toBe(
      'FAIL email-key: violation by twins in 12.3 s, 4 findings; the sensitivity probe could ' +
        'not run: no port',
    );
  });

  it('counts detection and diagnosis apart in the totals', () => {
    const probed = (seed: number, mapping: string) => ({
      ...row('truncate-suffix-12', seed, 10),
      mapping,
      diagnosedRight: mapping === 'suffix:12+drop-issuer',
      pass: mapping === 'suffix:12+drop-issuer',
    });

    expect(
      totals(
        [probed(1, 'suffix:12+drop-issuer'), probed(2, 'iss-sub'), row('truncate-suffix-12', 3, 0)],
        3,
      ),
    ).toEqual([
      'total truncate-suffix-12: detected under 2 of 3 seeds, diagnosed as ' +
        'suffix:12+drop-issuer under 1 of 2, 20 findings; failed under seeds 2, 3',
    ]);
  });

  it('totals each defect over the seeds and names the seeds that failed', () => {
    const rows = [row('none', 1, 0), row('none', 2, 3), row('none', 3, 0)];

    expect(totals(rows, 3)).toEqual([
      'total none: clean under 2 of 3 seeds, 3 findings; failed under seeds 2',
    ]);
    expect(totals([row('none', 1, 0), row('email-key', 1, 4)], 1)).toEqual([
      'total none: clean under 1 of 1 seeds, 0 findings',
      'total email-key: detected under 1 of 1 seeds, 4 findings',
    ]);
  });
});
