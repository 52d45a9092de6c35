import { logger } from '../core/log.ts';
import { isTwinsubError } from '../core/twinsub-error.ts';
import { FHIR_ERRORS, type FhirErrorCode } from './fhir-request-error.ts';
import { operationOutcome } from './operation-outcome.ts';

const log = logger('backend');

/**
 * Wraps a resolver so that a refused request becomes a FHIR OperationOutcome (400 or 404) and
 * any other failure a 500 one, instead of msw's own error page.
 */
export function fhirRoute<Info>(
  resolve: (info: Info) => Response | Promise<Response>,
): (info: Info) => Promise<Response> {
  return async (info) => {
    try {
      return await resolve(info);
    } catch (error) {
      if (isTwinsubError(error) && error.code in FHIR_ERRORS) {
        const { status, code } = FHIR_ERRORS[error.code as FhirErrorCode];
        return operationOutcome(status, code, error.message);
      }
      log('failed to answer a FHIR request: %O', error);
      return operationOutcome(500, 'exception', `Failed to answer the request: ${String(error)}`);
    }
  };
}
