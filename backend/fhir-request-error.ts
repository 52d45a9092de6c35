import { TwinsubError } from '../core/twinsub-error.ts';

/** Why a FHIR request failed, as the HTTP status and the OperationOutcome issue code it maps to. */
export const FHIR_ERRORS = {
  INVALID_REQUEST: { status: 400, code: 'invalid' },
  NOT_FOUND: { status: 404, code: 'not-found' },
  UNSUPPORTED: { status: 400, code: 'not-supported' },
} as const;

export type FhirErrorCode = keyof typeof FHIR_ERRORS;

/** A request the backend refuses, the way a FHIR server would (an OperationOutcome). */
export function fhirRequestError(code: FhirErrorCode, diagnostics: string): TwinsubError {
  return new TwinsubError(code, diagnostics);
}
