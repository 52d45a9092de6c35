import { fhirResponse } from './fhir-response.ts';

/** An error answer in FHIR's own shape, like BFD's `resource_error_response.json`. */
export function operationOutcome(status: number, code: string, diagnostics: string): Response {
  const outcome: fhir4.OperationOutcome = {
    resourceType: 'OperationOutcome',
    issue: [{ severity: status >= 500 ? 'fatal' : 'error', code, diagnostics }],
  };
  return fhirResponse(outcome, status);
}
