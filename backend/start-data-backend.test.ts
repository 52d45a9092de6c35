import { getResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mbiHash } from '../fixtures/mbi-hash.ts';
import { fhirHandlers } from './fhir-handlers.ts';
import { type StartedDataBackend, startDataBackend } from './start-data-backend.ts';
import { busiest, testClock, testHash, testPopulation } from './test-population.ts';

let backend: StartedDataBackend;
const handlers = fhirHandlers(testPopulation, { mbiHash: testHash, clock: testClock });

beforeAll(async () => {
  backend = await startDataBackend({
    population: testPopulation,
    mbiHash: testHash,
    clock: testClock,
  });
});
afterAll(() => backend.stop());

const hashQuery = new URLSearchParams({
  identifier: `https://bluebutton.cms.gov/resources/identifier/mbi-hash|${mbiHash(busiest.mbi, testHash)}`,
});
const paths = [
  `/v2/fhir/Patient/?${hashQuery}`,
  `/v2/fhir/Patient/${busiest.patientId}`,
  `/v2/fhir/ExplanationOfBenefit/?patient=${busiest.patientId}&_count=3&startIndex=3`,
  `/v2/fhir/Coverage?beneficiary=Patient%2F${busiest.patientId}`,
  `/v2/fhir/Patient/-1`,
  `/v2/fhir/Coverage/`,
];

describe('startDataBackend', () => {
  it('listens on 127.0.0.1 on a free port', () => {
    expect(backend.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(backend.fhirBaseUrl).toBe(`${backend.url}/v2/fhir`);
  });

  it('answers over HTTP exactly as the same handlers answer in-process', async () => {
    for (const path of paths) {
      const overHttp = await fetch(`${backend.url}${path}`);
      const inProcess = await getResponse(handlers, new Request(`http://bfd.test${path}`));
      expect(overHttp.status).toBe(inProcess?.status);
      expect(overHttp.headers.get('content-type')).toBe('application/fhir+json;charset=utf-8');
      const body = (await overHttp.text()).replaceAll(backend.url, 'http://bfd.test');
      expect(body).toBe(await inProcess?.text());
    }
  });

  it('answers the plain-MBI POST _search over HTTP', async () => {
    const response = await fetch(`${backend.url}/v2/fhir/Patient/_search`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `identifier=${encodeURIComponent(`http://hl7.org/fhir/sid/us-mbi|${busiest.mbi}`)}`,
    });
    const bundle = (await response.json()) as fhir4.Bundle;
    expect(bundle.total).toBe(1);
    expect(bundle.entry?.[0]?.resource?.id).toBe(busiest.patientId);
  });

  it('answers an unknown path with a 404 OperationOutcome', async () => {
    const response = await fetch(`${backend.url}/v2/fhir/Practitioner/1`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      resourceType: 'OperationOutcome',
      issue: [
        {
          severity: 'error',
          code: 'not-found',
          diagnostics: 'Unknown resource type or operation: GET /v2/fhir/Practitioner/1',
        },
      ],
    });
  });

  it('refuses a port that is taken, naming the option', async () => {
    await expect(
      startDataBackend({ population: testPopulation, port: backend.port }),
    ).rejects.toMatchObject({ code: 'PORT_IN_USE' });
  });

  it('logs every request with method, URL and status', async () => {
    backend.clearRequests();
    await fetch(`${backend.url}/v2/fhir/Patient/${busiest.patientId}`);
    await fetch(`${backend.url}/v2/fhir/Patient/-1`);
    const log = backend.requests().map(({ method, url, status }) => ({ method, url, status }));
    expect(log).toEqual([
      { method: 'GET', url: `${backend.url}/v2/fhir/Patient/${busiest.patientId}`, status: 200 },
      { method: 'GET', url: `${backend.url}/v2/fhir/Patient/-1`, status: 404 },
    ]);
    expect(backend.requests().every((entry) => entry.durationMs >= 0)).toBe(true);
  });
});
