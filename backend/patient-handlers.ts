import { http } from 'msw';
import type { Clock } from '../core/clock.ts';
import type { Beneficiary } from '../fixtures/population.ts';
import { SYSTEMS } from '../fixtures/identifier-systems.ts';
import { fhirRequestError } from './fhir-request-error.ts';
import { fhirResponse } from './fhir-response.ts';
import { fhirRoute } from './fhir-route.ts';
import type { PopulationIndex } from './population-index.ts';
import { searchBundle } from './search-bundle.ts';
import { readSearchRequest, requiredParam } from './search-request.ts';

/**
 * Patient search and read as BFD serves them to BB2.0: the login lookup by hashed MBI (GET) or
 * plain MBI (POST `_search`), `_id` search and read by id (DOMAIN.md section 7).
 */
export function patientHandlers(index: PopulationIndex, clock: Clock) {
  const search = fhirRoute(async ({ request }: { request: Request }) => {
    const query = await readSearchRequest(request);
    const matches = findPatients(index, query.params).map((b) => b.patient);
    return fhirResponse(searchBundle(request, query, matches, clock));
  });

  const read = fhirRoute(({ params }: { params: Record<string, unknown> }) => {
    const id = String(params.id);
    const beneficiary = index.byPatientId(id);
    if (!beneficiary) throw fhirRequestError('NOT_FOUND', `Resource Patient/${id} is not known`);
    return fhirResponse(beneficiary.patient);
  });

  return [
    http.get('*/v2/fhir/Patient', search),
    http.post('*/v2/fhir/Patient/_search', search),
    http.get('*/v2/fhir/Patient/:id', read),
  ];
}

function findPatients(index: PopulationIndex, params: URLSearchParams): Beneficiary[] {
  if (params.has('_id')) {
    const beneficiary = index.byPatientId(requiredParam(params, '_id'));
    return beneficiary ? [beneficiary] : [];
  }
  if (!params.has('identifier'))
    throw fhirRequestError(
      'INVALID_REQUEST',
      'Missing required search parameter: identifier or _id',
    );

  const token = requiredParam(params, 'identifier');
  const bar = token.indexOf('|');
  if (bar < 1 || bar === token.length - 1)
    throw fhirRequestError(
      'INVALID_REQUEST',
      `Search parameter identifier must be <system>|<value> (got ${token})`,
    );

  const system = token.slice(0, bar);
  const value = token.slice(bar + 1);
  const found = lookUp(index, system, value);
  return found ? [found] : [];
}

function lookUp(index: PopulationIndex, system: string, value: string): Beneficiary | undefined {
  if (system === SYSTEMS.mbiHash) return index.byMbiHash(value);
  if (system === SYSTEMS.mbi) return index.byMbi(value);
  // Twinsub's beneficiaries have no HICN, so BB2.0's legacy fallback finds nobody, as for
  // beneficiaries enrolled after the switch to MBIs.
  if (system === SYSTEMS.hicnHash) return undefined;
  throw fhirRequestError(
    'INVALID_REQUEST',
    `Search parameter identifier must use system ${SYSTEMS.mbiHash}, ${SYSTEMS.mbi} or ` +
      `${SYSTEMS.hicnHash} (got ${system})`,
  );
}
