import { readFileSync } from 'node:fs';
import { create } from 'xmlbuilder2';
import { describe, expect, it } from 'vitest';
import { renderJunit } from './junit-report.ts';
import type { Results } from './results.ts';

const load = (name: string) =>
  JSON.parse(
    readFileSync(new URL(`./testdata/${name}/results.json`, import.meta.url), 'utf8'),
  ) as Results;

interface Case {
  '@classname': string;
  '@name': string;
  failure?: { '@type': string; '@message': string; '#': string };
  error?: { '@message': string };
}

/** Reads the XML back through a DOM, so entities are decoded as a CI server decodes them. */
function parse(xml: string) {
  const root = create(xml).root().node as unknown as Element;
  const attrs = (e: Element) => ({
    '@tests': e.getAttribute('tests')!,
    '@failures': e.getAttribute('failures')!,
    '@errors': e.getAttribute('errors')!,
  });
  const child = (e: Element, name: string) => e.getElementsByTagName(name)[0];
  const cases = (name: string): Case[] => {
    const suite = Array.from(root.getElementsByTagName('testsuite')).find(
      (s) => s.getAttribute('name') === name,
    )!;
    return Array.from(suite.getElementsByTagName('testcase')).map((c) => {
      const failure = child(c, 'failure');
      const error = child(c, 'error');
      return {
        '@classname': c.getAttribute('classname')!,
        '@name': c.getAttribute('name')!,
        ...(failure && {
          failure: {
            '@type': failure.getAttribute('type')!,
            '@message': failure.getAttribute('message')!,
            '#': failure.textContent ?? '',
          },
        }),
        ...(error && { error: { '@message': error.getAttribute('message')! } }),
      };
    });
  };
  return { root: attrs(root), cases };
}

describe('JUnit XML', () => {
  it('has a failed case per finding, named for who saw whose data through which app', () => {
    const { root, cases } = parse(renderJunit(load('leaking')));
    expect([root['@tests'], root['@failures'], root['@errors']]).toEqual(['44', '44', '0']);

    const findings = cases('findings');
    expect(findings).toHaveLength(42);
    expect(findings.slice(0, 9).map((c) => c['@name'])).toEqual([
      "bene-0002 received bene-0001's data through app-2 (token /v2/o/token/)",
      "bene-0002 received bene-0001's data through app-2 (userinfo /v2/connect/userinfo)",
      "bene-0002 received bene-0001's data through app-2 (resource /v2/fhir/Patient/)",
      "bene-0002 received bene-0001's data through app-2 (resource /v2/fhir/Coverage/)",
      "bene-0002 received bene-0001's data through app-2 (resource /v2/fhir/ExplanationOfBenefit/?_count=4)",
      "bene-0002 received bene-0001's data through app-2 (resource /v2/fhir/ExplanationOfBenefit/?_count=4&patient=-20140000636807&startIndex=4)",
      "bene-0002 received bene-0001's data through app-2 (resource /v2/fhir/Patient/-20140000636807)",
      "bene-0002 received bene-0001's data through app-2 (refresh /v2/o/token/)",
      "bene-0002 received bene-0001's data through app-2 (userinfo /v2/connect/userinfo) #2",
    ]);
    expect(new Set(findings.map((c) => c['@name'])).size).toBe(42);
    expect(findings[0]!['@classname']).toBe('twinsub.findings.twins');
    expect(findings[0]!.failure!['@type']).toBe('violation');
    expect(findings[0]!.failure!['#']).toContain(
      'viewer bene-0002 sub 245c0020-ea14-11f0-bfda-6b03f7e67fd0\n' +
        'owner bene-0001 sub 0098ba20-ea14-11f0-bfda-6b03f7e67fd0',
    );
  });

  it('has a case per scenario, failed when the scenario had findings', () => {
    const { cases } = parse(renderJunit(load('leaking')));
    expect(
      cases('scenarios').map((c) => [c['@name'], c.failure?.['@message'] ?? 'passed']),
    ).toEqual([
      ['twins [protocol]', '14 findings in twins [protocol]'],
      ['population [protocol]', '28 findings in population [protocol]'],
    ]);
  });

  it('shows a clean run as passed cases only', () => {
    const { root, cases } = parse(renderJunit(load('clean')));
    expect([root['@tests'], root['@failures'], root['@errors']]).toEqual(['3', '0', '0']);
    expect(cases('findings').map((c) => c['@name'])).toEqual([
      "no beneficiary or app received anyone else's data",
    ]);
  });

  it('reports a run that could not finish as errors, not as a clean pass', () => {
    const results: Results = {
      ...load('clean'),
      verdict: 'error',
      scenarios: [],
      errors: ['twins [browser]: TimeoutError: locator.fill: Timeout 15000ms exceeded.'],
    };
    const { root, cases } = parse(renderJunit(results));
    expect([root['@tests'], root['@failures'], root['@errors']]).toEqual(['1', '0', '1']);
    expect(cases('scenarios')[0]!.error!['@message']).toBe(results.errors[0]);
    expect(cases('findings')).toEqual([]);
  });
});
