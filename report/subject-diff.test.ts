import { describe, expect, it } from 'vitest';
import { describeRanges, diffSubjects } from './subject-diff.ts';
import { html, raw } from './html.ts';
import { reproduceCommand } from '../reporting/reproduce-command.ts';

describe('diffSubjects', () => {
  it('marks exactly the characters where twins from one UUID v1 window differ', () => {
    const diff = diffSubjects(
      '0098ba20-ea14-11f0-bfda-6b03f7e67fd0',
      '245c0020-ea14-11f0-bfda-6b03f7e67fd0',
    );
    expect(diff.ranges).toEqual([[0, 5]]);
    expect(diff.left).toEqual([
      { text: '0098ba', differs: true },
      { text: '20-ea14-11f0-bfda-6b03f7e67fd0', differs: false },
    ]);
    expect(describeRanges(diff.ranges)).toBe('characters 0-5');
  });

  it('compares subjects of different lengths by their common prefix and suffix', () => {
    const diff = diffSubjects('auth0|65a1', 'auth0|65a1b');
    expect(diff.sameLength).toBe(false);
    expect(diff.right).toEqual([
      { text: 'auth0|65a1', differs: false },
      { text: 'b', differs: true },
    ]);
  });

  it('words separate ranges and single characters', () => {
    expect(describeRanges([[3, 3]])).toBe('character 3');
    expect(
      describeRanges([
        [0, 1],
        [4, 4],
        [9, 12],
      ]),
    ).toBe('characters 0-1, 4 and 9-12');
  });
});

describe('html', () => {
  it('escapes interpolated text and keeps quotes readable outside tags', () => {
    const value = `"a" <b> & 'c'`;
    expect(html`<p title="${value}">${value}</p>`.toString()).toBe(
      '<p title="&quot;a&quot; &lt;b&gt; &amp; &#39;c&#39;">"a" &lt;b&gt; &amp; \'c\'</p>',
    );
    expect(html`<i>${raw('<b>ok</b>')}${['x', html`<u>y</u>`]}</i>`.toString()).toBe(
      '<i><b>ok</b>x<u>y</u></i>',
    );
  });
});

describe('reproduceCommand', () => {
  it('spells out every setting and quotes what a shell would split', () => {
    expect(
      reproduceCommand({
        settings: {
          target: 'reference',
          defect: 'truncate-uuid-96',
          seed: 7,
          population: 30,
          scheme: 'uuid-v1',
          reportDir: "/tmp/it's here",
        },
        driver: 'browser',
        scenarios: ['twins'],
      }),
    ).toBe(
      'npx twinsub run --target reference --defect truncate-uuid-96 --driver browser ' +
        "--scenario twins --population 30 --seed 7 --scheme uuid-v1 --report-dir '/tmp/it'\\''s here'",
    );
  });
});
