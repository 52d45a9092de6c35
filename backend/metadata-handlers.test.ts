import { getResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { fhirHandlers } from './fhir-handlers.ts';
import { testClock, testHash, testPopulation } from './test-population.ts';

const handlers = fhirHandlers(testPopulation, { mbiHash: testHash, clock: testClock });
const answer = (url: string, init?: RequestInit) => getResponse(handlers, new Request(url, init));

describe('metadata and unknown paths', () => {
  it('describes the three resource types and their search parameters at metadata', async () => {
    const response = await answer('http://bfd.test/v2/fhir/metadata');
    const statement = (await response?.json()) as fhir4.CapabilityStatement;
    expect(statement.implementation?.url).toBe('http://bfd.test/v2/fhir');
    expect(
      statement.rest?.[0]?.resource?.map((r) => [r.type, r.searchParam?.map((p) => p.name)]),
    ).toEqual([
      ['Coverage', ['beneficiary', '_count', 'startIndex']],
      ['ExplanationOfBenefit', ['patient', 'type', '_count', 'startIndex']],
      ['Patient', ['identifier', '_id', '_count', 'startIndex']],
    ]);
  });

  it('answers 404 OperationOutcome in-process for a resource type it does not serve', async () => {
    const response = await answer('http://bfd.test/v2/fhir/Claim/1', { method: 'DELETE' });
    expect(response?.status).toBe(404);
    expect(await response?.json()).toEqual({
      resourceType: 'OperationOutcome',
      issue: [
        {
          severity: 'error',
          code: 'not-found',
          diagnostics: 'Unknown resource type or operation: DELETE /v2/fhir/Claim/1',
        },
      ],
    });
  });

  it('answers 400 to a _search whose body is not a form', async () => {
    const response = await answer('http://bfd.test/v2/fhir/Patient/_search', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response?.status).toBe(400);
    const outcome = (await response?.json()) as fhir4.OperationOutcome;
    expect(outcome.issue[0]?.diagnostics).toBe(
      'Content-Type of a _search must be application/x-www-form-urlencoded (got application/json)',
    );
  });
});
