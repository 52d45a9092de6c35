import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Results } from './results.ts';
import { syntheticResults } from './testdata/synthetic-results.ts';
import { validateResults } from './validate-results.ts';

const load = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`./testdata/${name}/results.json`, import.meta.url), 'utf8'),
  ) as Results;

describe('results.schema.json', () => {
  it.each(['leaking', 'clean', 'browser-leaking'])(
    'accepts the results.json a real %s run wrote',
    (name) => {
      expect(validateResults(load(name))).toEqual([]);
    },
  );

  it('accepts the synthetic 1,000-beneficiary results the report benchmark uses', () => {
    expect(validateResults(syntheticResults(1000))).toEqual([]);
  });

  it('accepts the results.json of a release before the report fields were added', () => {
    const { reproduce: _reproduce, ...older } = load('leaking');
    const scenarios = older.scenarios.map(({ testId: _id, trace: _trace, ...s }) => s);
    expect(validateResults({ ...older, scenarios })).toEqual([]);
  });

  it('accepts a diagnosis with the subjects of each pair, and no third subject', () => {
    const diagnosis = {
      scenario: 'sensitivity-probe',
      transform: 'number',
      summary: 'numeric ids parsed as a JavaScript number (float64): ...',
      sub: 'ea526800-ea14-11f0-bb2a-f5af100464f2',
      ignored: [],
      differences: [
        {
          difference: 'numeric neighbours above 2^53',
          ignored: true,
          subs: ['9007199254740992', '9007199254740993'],
        },
        { difference: 'letters upper-cased', ignored: false },
      ],
    };
    expect(validateResults({ ...load('leaking'), diagnosis })).toEqual([]);

    const three = { difference: 'x', ignored: true, subs: ['a', 'b', 'c'] };
    expect(
      validateResults({ ...load('leaking'), diagnosis: { ...diagnosis, differences: [three] } }),
    ).toEqual(['/diagnosis/differences/0/subs must NOT have more than 2 items']);
  });

  it('names each problem of a malformed file by its path', () => {
    const results = load('leaking') as unknown as Record<string, unknown>;
    const { verdict: _verdict, ...withoutVerdict } = results;
    expect(validateResults(withoutVerdict)).toEqual(["/ must have required property 'verdict'"]);

    const findings = (results.findings as object[]).map((f, i) =>
      i === 0 ? { ...f, channel: 'email' } : f,
    );
    expect(validateResults({ ...results, findings })).toContain(
      '/findings/0 must match exactly one schema in oneOf',
    );
    expect(validateResults({ ...results, renamed: true })).toEqual([
      '/ must NOT have additional properties',
    ]);
  });
});
