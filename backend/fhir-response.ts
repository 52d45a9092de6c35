import { HttpResponse } from 'msw';

/** The media type FHIR R4 servers answer JSON with (FHIR R4 section 3.1.0.1.3, http.html). */
export const FHIR_JSON = 'application/fhir+json;charset=utf-8';

/** A FHIR JSON response; `status` defaults to 200. */
export function fhirResponse(body: fhir4.Resource, status = 200): HttpResponse<string> {
  return new HttpResponse(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': FHIR_JSON },
  });
}
