import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCanaries } from '../fixtures/canary.ts';
import { mbiHash } from '../fixtures/mbi-hash.ts';
import { fhirHandlers } from './fhir-handlers.ts';
import { testClock, testHash, testPopulation } from './test-population.ts';

const BASE = 'http://bfd.test/v2/fhir';
const HASH_SYSTEM = 'https://bluebutton.cms.gov/resources/identifier/mbi-hash';
const server = setupServer(
  ...fhirHandlers(testPopulation, { mbiHash: testHash, clock: testClock }),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

async function getJson(url: string, init?: RequestInit) {
  const response = await fetch(url, init);
  expect(response.headers.get('content-type')).toBe('application/fhir+json;charset=utf-8');
  return { status: response.status, body: await response.json() };
}

const ids = (bundle: fhir4.Bundle) => bundle.entry?.map((entry) => entry.resource?.id) ?? [];

describe('Patient search', () => {
  it('finds exactly the beneficiary by hashed MBI, for every beneficiary', async () => {
    for (const b of testPopulation.beneficiaries) {
      const hash = mbiHash(b.mbi, testHash);
      const { status, body } = await getJson(`${BASE}/Patient/?identifier=${HASH_SYSTEM}|${hash}`);
      expect(status).toBe(200);
      expect(body.total).toBe(1);
      expect(ids(body)).toEqual([b.patientId]);
      expect(findCanaries(JSON.stringify(body))).toEqual([b.canaries[0], b.canaries[0]]);
    }
  });

  it('finds nobody when the hash was made with another salt', async () => {
    const [b] = testPopulation.beneficiaries;
    const hash = mbiHash(b?.mbi ?? '', { salt: 'ff', iterations: 5 });
    const { status, body } = await getJson(`${BASE}/Patient?identifier=${HASH_SYSTEM}|${hash}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 0 });
    expect(body.entry).toEqual([]);
  });

  it('accepts the hash in upper case', async () => {
    const b = testPopulation.beneficiaries[3];
    const hash = mbiHash(b?.mbi ?? '', testHash).toUpperCase();
    const { body } = await getJson(`${BASE}/Patient?identifier=${HASH_SYSTEM}|${hash}`);
    expect(ids(body)).toEqual([b?.patientId]);
  });

  it('finds exactly the beneficiary by plain MBI in a POST _search form body', async () => {
    for (const b of testPopulation.beneficiaries) {
      const { status, body } = await getJson(`${BASE}/Patient/_search`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ identifier: `http://hl7.org/fhir/sid/us-mbi|${b.mbi}` }),
      });
      expect(status).toBe(200);
      expect(body.total).toBe(1);
      expect(ids(body)).toEqual([b.patientId]);
    }
  });

  it('finds the beneficiary by _id, and nobody for an unknown _id', async () => {
    const b = testPopulation.beneficiaries[5];
    const found = await getJson(`${BASE}/Patient/?_id=${b?.patientId}`);
    expect(ids(found.body)).toEqual([b?.patientId]);
    const none = await getJson(`${BASE}/Patient/?_id=-1`);
    expect(none.body.total).toBe(0);
  });

  it('finds nobody by HICN hash: the beneficiaries have no HICN', async () => {
    const system = 'http://bluebutton.cms.hhs.gov/identifier#hicnHash';
    // The system contains '#', so it must be percent-encoded or it starts the URL's fragment.
    const query = new URLSearchParams({ identifier: `${system}|abcd` });
    const { status, body } = await getJson(`${BASE}/Patient?${query}`);
    expect(status).toBe(200);
    expect(body.total).toBe(0);
  });

  it.each([
    ['no parameter', '', 'Missing required search parameter: identifier or _id'],
    [
      'an identifier without a system',
      '?identifier=abc',
      'Search parameter identifier must be <system>|<value> (got abc)',
    ],
    ['an empty _id', '?_id=', 'Missing required search parameter: _id'],
    [
      'a negative startIndex',
      '?_id=1&startIndex=-1',
      'Search parameter startIndex must be an integer >= 0 (got -1)',
    ],
  ])('answers 400 with an OperationOutcome for %s', async (_, query, diagnostics) => {
    const { status, body } = await getJson(`${BASE}/Patient/${query}`);
    expect(status).toBe(400);
    expect(body).toEqual({
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: 'invalid', diagnostics }],
    });
  });

  it('answers 400 for an identifier system it does not know', async () => {
    const { status, body } = await getJson(`${BASE}/Patient?identifier=urn:x|1`);
    expect(status).toBe(400);
    expect(body.issue[0].diagnostics).toMatch(/^Search parameter identifier must use system /);
  });
});

describe('Patient read', () => {
  it('answers the Patient by id, with and without a trailing slash', async () => {
    const b = testPopulation.beneficiaries[2];
    for (const suffix of ['', '/']) {
      const { status, body } = await getJson(`${BASE}/Patient/${b?.patientId}${suffix}`);
      expect(status).toBe(200);
      expect(body).toEqual(b?.patient);
    }
  });

  it('answers 404 with an OperationOutcome for an unknown id', async () => {
    const { status, body } = await getJson(`${BASE}/Patient/-20149999999999`);
    expect(status).toBe(404);
    expect(body).toEqual({
      resourceType: 'OperationOutcome',
      issue: [
        {
          severity: 'error',
          code: 'not-found',
          diagnostics: 'Resource Patient/-20149999999999 is not known',
        },
      ],
    });
  });
});
