import { fhirRequestError } from './fhir-request-error.ts';

/** BFD's page size when a search names no `_count`. */
export const DEFAULT_PAGE_SIZE = 10;

/** The parameters of one FHIR search and the page it asks for. */
export interface SearchRequest {
  /** Query parameters, merged with the form body of a `POST _search`. */
  params: URLSearchParams;
  /** Entries per page (`_count`). */
  count: number;
  /** Zero-based index of the first entry on this page (`startIndex`, BFD's paging parameter). */
  startIndex: number;
}

/**
 * Reads a search's parameters: the query string, plus the form body for `POST _search` (FHIR R4
 * http.html#search: both carry parameters and the server treats them alike).
 */
export async function readSearchRequest(request: Request): Promise<SearchRequest> {
  const url = new URL(request.url);
  const params = new URLSearchParams(url.searchParams);

  if (request.method === 'POST') {
    const type = request.headers.get('content-type') ?? '';
    if (!type.startsWith('application/x-www-form-urlencoded'))
      throw fhirRequestError(
        'INVALID_REQUEST',
        `Content-Type of a _search must be application/x-www-form-urlencoded (got ${type || 'none'})`,
      );
    for (const [name, value] of new URLSearchParams(await request.text()))
      params.append(name, value);
  }

  return {
    params,
    count: integerParam(params, '_count', DEFAULT_PAGE_SIZE, 1),
    startIndex: integerParam(params, 'startIndex', 0, 0),
  };
}

/** The single value of a required parameter; 400 when it is missing, empty or repeated. */
export function requiredParam(params: URLSearchParams, name: string): string {
  const values = params.getAll(name);
  if (values.length === 0 || values[0] === '')
    throw fhirRequestError('INVALID_REQUEST', `Missing required search parameter: ${name}`);
  if (values.length > 1)
    throw fhirRequestError('INVALID_REQUEST', `Search parameter ${name} must be given once`);
  return values[0] as string;
}

function integerParam(params: URLSearchParams, name: string, fallback: number, min: number) {
  const raw = params.get(name);
  if (raw === null) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min)
    throw fhirRequestError(
      'INVALID_REQUEST',
      `Search parameter ${name} must be an integer >= ${min} (got ${raw})`,
    );
  return value;
}
