import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCanaries } from '../fixtures/canary.ts';
import { fhirHandlers } from './fhir-handlers.ts';
import { busiest, testClock, testHash, testPopulation } from './test-population.ts';

const BASE = 'http://bfd.test/v2/fhir';
const server = setupServer(
  ...fhirHandlers(testPopulation, { mbiHash: testHash, clock: testClock }),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

async function getBundle(url: string): Promise<{ status: number; body: fhir4.Bundle }> {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as fhir4.Bundle };
}

const link = (bundle: fhir4.Bundle | undefined, relation: string) =>
  bundle?.link?.find((entry) => entry.relation === relation)?.url;

/** Follows `next` links from `url`, as an app does, and returns every page. */
async function walk(url: string): Promise<fhir4.Bundle[]> {
  const pages: fhir4.Bundle[] = [];
  for (let next: string | undefined = url; next; next = link(pages.at(-1), 'next')) {
    const { status, body } = await getBundle(next);
    expect(status).toBe(200);
    pages.push(body);
    if (pages.length > 50) throw new Error('paging does not end');
  }
  return pages;
}

describe('ExplanationOfBenefit search', () => {
  it('walks every EOB of the patient page by page, with no duplicates', async () => {
    expect(busiest.eobs.length).toBeGreaterThanOrEqual(5);
    const pages = await walk(`${BASE}/ExplanationOfBenefit/?patient=${busiest.patientId}&_count=2`);

    const ids = pages.flatMap((page) => page.entry?.map((entry) => entry.resource?.id));
    expect(ids).toEqual(busiest.eobs.map((eob) => eob.id));
    expect(pages.length).toBe(Math.ceil(busiest.eobs.length / 2));
    expect(pages.map((page) => page.total)).toEqual(pages.map(() => busiest.eobs.length));
  });

  it('gives absolute first, previous, next, last and self links on the request origin', async () => {
    const url = `${BASE}/ExplanationOfBenefit?patient=${busiest.patientId}&_count=2&startIndex=2`;
    const { body } = await getBundle(url);
    const page = (start: number) =>
      `${BASE}/ExplanationOfBenefit?patient=${busiest.patientId}&_count=2&startIndex=${start}`;
    const lastStart = Math.floor((busiest.eobs.length - 1) / 2) * 2;

    expect(body.link).toEqual([
      { relation: 'first', url: page(0) },
      { relation: 'previous', url: page(0) },
      ...(4 < busiest.eobs.length ? [{ relation: 'next', url: page(4) }] : []),
      { relation: 'last', url: page(lastStart) },
      { relation: 'self', url },
    ]);
    expect(body.meta?.lastUpdated).toBe('2026-01-05T09:00:00.000Z');
  });

  it('answers every beneficiary with their own canaries only', async () => {
    for (const b of testPopulation.beneficiaries) {
      const pages = await walk(`${BASE}/ExplanationOfBenefit?patient=Patient/${b.patientId}`);
      const coverage = await getBundle(`${BASE}/Coverage?beneficiary=Patient/${b.patientId}`);
      const seen = new Set(findCanaries(JSON.stringify([pages, coverage.body])));
      expect([...seen].sort()).toEqual(b.canaries.slice(1).sort());
    }
  });

  it('narrows by claim type, with or without the eob-type system', async () => {
    const type = busiest.eobs[0]?.id?.split('-')[0] ?? '';
    const system = 'https://bluebutton.cms.gov/resources/codesystem/eob-type';
    const query = new URLSearchParams({ patient: busiest.patientId, type: `${system}|${type}` });
    const { body } = await getBundle(`${BASE}/ExplanationOfBenefit?${query}`);
    const expected = busiest.eobs.filter((eob) => eob.id?.startsWith(`${type}-`));
    expect(body.entry?.map((entry) => entry.resource?.id)).toEqual(expected.map((eob) => eob.id));
  });

  it('answers an empty Bundle for a patient it does not know', async () => {
    const { status, body } = await getBundle(`${BASE}/ExplanationOfBenefit?patient=-7`);
    expect(status).toBe(200);
    expect(body.total).toBe(0);
    expect(body.entry).toEqual([]);
  });

  it.each([
    ['', 'Missing required search parameter: patient'],
    ['?patient=-1&_count=0', 'Search parameter _count must be an integer >= 1 (got 0)'],
    ['?patient=-1&startIndex=two', 'Search parameter startIndex must be an integer >= 0 (got two)'],
  ])('answers 400 for "%s"', async (query, diagnostics) => {
    const response = await fetch(`${BASE}/ExplanationOfBenefit/${query}`);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: 'invalid', diagnostics }],
    });
  });

  it('reads an EOB by id, and answers 404 for an unknown one', async () => {
    const eob = busiest.eobs[1];
    const found = await fetch(`${BASE}/ExplanationOfBenefit/${eob?.id}`);
    expect(await found.json()).toEqual(eob);
    const missing = await fetch(`${BASE}/ExplanationOfBenefit/carrier-1`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).issue[0].code).toBe('not-found');
  });
});

describe('Coverage search', () => {
  it('answers parts A, B and D of the beneficiary', async () => {
    const { status, body } = await getBundle(
      `${BASE}/Coverage/?beneficiary=Patient/${busiest.patientId}`,
    );
    expect(status).toBe(200);
    expect(body.total).toBe(3);
    expect(body.entry?.map((entry) => entry.resource)).toEqual(busiest.coverages);
  });

  it('answers 400 without a beneficiary, and reads a Coverage by id', async () => {
    expect((await fetch(`${BASE}/Coverage`)).status).toBe(400);
    const read = await fetch(`${BASE}/Coverage/part-d-${busiest.patientId}`);
    expect(await read.json()).toEqual(busiest.coverages[2]);
    expect((await fetch(`${BASE}/Coverage/part-c-${busiest.patientId}`)).status).toBe(404);
  });
});
