import { http } from 'msw';
import type { Clock } from '../core/clock.ts';
import { fhirRequestError } from './fhir-request-error.ts';
import { fhirResponse } from './fhir-response.ts';
import { fhirRoute } from './fhir-route.ts';
import { patientIdOf } from './patient-reference.ts';
import type { PopulationIndex } from './population-index.ts';
import { searchBundle } from './search-bundle.ts';
import { readSearchRequest, requiredParam } from './search-request.ts';

/** Coverage search by `beneficiary=Patient/<id>` and read by id (`part-a--2014...`). */
export function coverageHandlers(index: PopulationIndex, clock: Clock) {
  const search = fhirRoute(async ({ request }: { request: Request }) => {
    const query = await readSearchRequest(request);
    const patientId = patientIdOf(requiredParam(query.params, 'beneficiary'));
    const matches = index.byPatientId(patientId)?.coverages ?? [];
    return fhirResponse(searchBundle(request, query, matches, clock));
  });

  const read = fhirRoute(({ params }: { params: Record<string, unknown> }) => {
    const id = String(params.id);
    const coverage = index.coverage(id);
    if (!coverage) throw fhirRequestError('NOT_FOUND', `Resource Coverage/${id} is not known`);
    return fhirResponse(coverage);
  });

  return [
    http.get('*/v2/fhir/Coverage', search),
    http.post('*/v2/fhir/Coverage/_search', search),
    http.get('*/v2/fhir/Coverage/:id', read),
  ];
}
