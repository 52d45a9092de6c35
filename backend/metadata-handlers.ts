import { http } from 'msw';
import { fhirResponse } from './fhir-response.ts';
import { operationOutcome } from './operation-outcome.ts';

type SearchParam = [name: string, type: fhir4.CapabilityStatementRestResourceSearchParam['type']];

const PAGING: SearchParam[] = [
  ['_count', 'number'],
  ['startIndex', 'string'],
];

/** What the backend serves, in the shape of BFD's `metadata` answer (fhir_meta_v2.json). */
const RESOURCES: [type: string, params: SearchParam[]][] = [
  ['Coverage', [['beneficiary', 'reference'], ...PAGING]],
  ['ExplanationOfBenefit', [['patient', 'reference'], ['type', 'token'], ...PAGING]],
  ['Patient', [['identifier', 'token'], ['_id', 'token'], ...PAGING]],
];

/**
 * The capability statement at `metadata`, and a 404 OperationOutcome for any other path under
 * `/v2/fhir/`, so that in-process and HTTP runs answer unknown paths alike. Register last.
 */
export function metadataHandlers() {
  return [
    http.get('*/v2/fhir/metadata', ({ request }) =>
      fhirResponse(capabilityStatement(new URL(request.url).origin)),
    ),
    http.all('*/v2/fhir/*', ({ request }) =>
      operationOutcome(
        404,
        'not-found',
        `Unknown resource type or operation: ${request.method} ${new URL(request.url).pathname}`,
      ),
    ),
  ];
}

function capabilityStatement(origin: string): fhir4.CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: '2026-01-05T00:00:00+00:00',
    publisher: 'twinsub (a stand-in for the CMS Beneficiary FHIR Data server)',
    kind: 'instance',
    software: { name: 'twinsub data backend' },
    implementation: { description: 'twinsub data backend', url: `${origin}/v2/fhir` },
    fhirVersion: '4.0.1',
    format: ['application/json', 'application/fhir+json'],
    rest: [
      {
        mode: 'server',
        resource: RESOURCES.map(([type, params]) => ({
          type,
          profile: `http://hl7.org/fhir/StructureDefinition/${type}`,
          interaction: [{ code: 'read' }, { code: 'search-type' }],
          searchParam: params.map(([name, paramType]) => ({ name, type: paramType })),
        })),
      },
    ],
  };
}
