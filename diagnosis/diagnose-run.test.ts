import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Results } from '../reporting/results.ts';
import { validateResults } from '../reporting/validate-results.ts';
import type { Sensitivity } from './describe-sensitivity.ts';
import { addDiagnosis } from './diagnose-run.ts';

const load = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`../reporting/testdata/${name}/results.json`, import.meta.url), 'utf8'),
  ) as Results;

/** What the probe saw against truncate-uuid-96 (seed 3), cut to two of its pairs. */
const sliced: Sensitivity = {
  base: 'ea526800-ea14-11f0-bb2a-f5af100464f2',
  length: 36,
  positions: [0, 1, 2, 3, 4, 5, 6, 7, 8],
  case: false,
  unicode: false,
  whitespace: false,
  email: false,
  numeric: false,
  issuer: false,
  hash: null,
  evidence: [
    {
      difference: 'a space after',
      subs: ['ea526800-ea14-11f0-bb2a-f5af100464f2', 'ea526800-ea14-11f0-bb2a-f5af100464f2 '],
      ignored: true,
    },
    {
      difference: 'numeric neighbours above 2^53',
      subs: ['9007199254740992', '9007199254740993'],
      ignored: false,
    },
  ],
  summary:
    'positions 0-8 ignored: the target keeps characters 9..36 ' +
    "(slice:9:36, Blue Button 2.0's 2018 cut: time_low and its hyphen dropped)",
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'twinsub-diagnosis-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const written = () => JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as Results;

describe('addDiagnosis', () => {
  it('writes the named mapping and its evidence into results.json and the report', async () => {
    const results = await addDiagnosis(load('leaking'), dir, async () => sliced);

    expect(results.diagnosis).toEqual({
      scenario: 'sensitivity-probe',
      transform: 'slice:9:36',
      summary:
        'positions 0-8 ignored: the target keeps characters 9..36 ' +
        "(slice:9:36, Blue Button 2.0's 2018 cut: time_low and its hyphen dropped)",
      sub: 'ea526800-ea14-11f0-bb2a-f5af100464f2',
      ignored: [0, 1, 2, 3, 4, 5, 6, 7, 8],
      differences: [
        {
          difference: 'a space after',
          ignored: true,
          subs: ['ea526800-ea14-11f0-bb2a-f5af100464f2', 'ea526800-ea14-11f0-bb2a-f5af100464f2 '],
        },
        {
          difference: 'numeric neighbours above 2^53',
          ignored: false,
          subs: ['9007199254740992', '9007199254740993'],
        },
      ],
    });
    expect(written()).toEqual(results);
    expect(validateResults(written())).toEqual([]);
    const page = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(page).toContain('<h2>Diagnosis: slice:9:36</h2>');
    expect(page).toContain('<code>"ea526800-ea14-11f0-bb2a-f5af100464f2 "</code>');
  });

  it('neither probes nor writes when the run found nothing', async () => {
    let probed = 0;
    const clean = load('clean');
    const results = await addDiagnosis(clean, dir, async () => {
      probed += 1;
      return sliced;
    });

    expect([results, probed, existsSync(join(dir, 'results.json'))]).toEqual([clean, 0, false]);
  });

  it('keeps the findings and names the reason when the probe fails', async () => {
    const results = await addDiagnosis(load('leaking'), dir, async () => {
      throw new Error('the sensitivity probe needs a clean base login');
    });

    expect(results.verdict).toBe('findings');
    expect(results.diagnosis).toBeUndefined();
    expect(results.errors).toEqual([
      'the sensitivity probe could not diagnose the findings: ' +
        'the sensitivity probe needs a clean base login',
    ]);
    expect(validateResults(written())).toEqual([]);
  });
});
