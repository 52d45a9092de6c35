// The data backend's public surface.
export { fhirHandlers, type FhirHandlersOptions } from './fhir-handlers.ts';
export { FHIR_JSON } from './fhir-response.ts';
export { DEFAULT_PAGE_SIZE } from './search-request.ts';
export type { RequestLogEntry } from './serve-handlers.ts';
export {
  REQUEST_LOG_LIMIT,
  startDataBackend,
  type DataBackendOptions,
  type StartedDataBackend,
} from './start-data-backend.ts';
