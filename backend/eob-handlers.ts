import { http } from 'msw';
import type { Clock } from '../core/clock.ts';
import { fhirRequestError } from './fhir-request-error.ts';
import { fhirResponse } from './fhir-response.ts';
import { fhirRoute } from './fhir-route.ts';
import { patientIdOf } from './patient-reference.ts';
import type { PopulationIndex } from './population-index.ts';
import { searchBundle } from './search-bundle.ts';
import { readSearchRequest, requiredParam } from './search-request.ts';

/** ExplanationOfBenefit search by `patient` (optionally narrowed by `type`) and read by id. */
export function eobHandlers(index: PopulationIndex, clock: Clock) {
  const search = fhirRoute(async ({ request }: { request: Request }) => {
    const query = await readSearchRequest(request);
    const patientId = patientIdOf(requiredParam(query.params, 'patient'));
    const types = claimTypes(query.params.get('type'));

    const eobs = index.byPatientId(patientId)?.eobs ?? [];
    const matches = types ? eobs.filter((eob) => types.has(eob.id?.split('-')[0] ?? '')) : eobs;
    return fhirResponse(searchBundle(request, query, matches, clock));
  });

  const read = fhirRoute(({ params }: { params: Record<string, unknown> }) => {
    const id = String(params.id);
    const eob = index.eob(id);
    if (!eob)
      throw fhirRequestError('NOT_FOUND', `Resource ExplanationOfBenefit/${id} is not known`);
    return fhirResponse(eob);
  });

  return [
    http.get('*/v2/fhir/ExplanationOfBenefit', search),
    http.post('*/v2/fhir/ExplanationOfBenefit/_search', search),
    http.get('*/v2/fhir/ExplanationOfBenefit/:id', read),
  ];
}

/**
 * BB2.0's `type` filter: a comma-separated list of eob-type codes, each optionally prefixed with
 * the code system (`https://bluebutton.cms.gov/resources/codesystem/eob-type|carrier`).
 */
function claimTypes(raw: string | null): Set<string> | undefined {
  if (raw === null || raw === '') return undefined;
  return new Set(
    raw.split(',').map((token) => token.slice(token.lastIndexOf('|') + 1).toLowerCase()),
  );
}
