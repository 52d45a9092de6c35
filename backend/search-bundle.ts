import { createHash } from 'node:crypto';
import type { Clock } from '../core/clock.ts';
import type { SearchRequest } from './search-request.ts';

/**
 * One page of search results as a searchset Bundle, with BFD's paging links (`first`, `previous`,
 * `next`, `last`, `self`): absolute URLs on the origin the request came to, so that an app can
 * follow them as they are.
 */
export function searchBundle(
  request: Request,
  search: SearchRequest,
  matches: readonly fhir4.FhirResource[],
  clock: Clock,
): fhir4.Bundle {
  const { count, startIndex } = search;
  const total = matches.length;
  const lastStart = total === 0 ? 0 : Math.floor((total - 1) / count) * count;

  const page = (start: number) => pageUrl(request, search, start);
  const link: fhir4.BundleLink[] = [{ relation: 'first', url: page(0) }];
  if (startIndex > 0)
    link.push({ relation: 'previous', url: page(Math.max(0, startIndex - count)) });
  if (startIndex + count < total) link.push({ relation: 'next', url: page(startIndex + count) });
  link.push({ relation: 'last', url: page(lastStart) }, { relation: 'self', url: request.url });

  return {
    resourceType: 'Bundle',
    // Stable per search, so that replaying a scenario gives the same bytes on any origin.
    id: bundleId(request.url),
    meta: { lastUpdated: new Date(clock.now()).toISOString() },
    type: 'searchset',
    total,
    link,
    entry: matches.slice(startIndex, startIndex + count).map((resource) => ({ resource })),
  };
}

/**
 * The same search at another start index, as a GET on the resource type's search path. A POST
 * `_search`'s form parameters go into the URL too, as HAPI FHIR (BFD's server library) does, so a
 * plain-MBI search's links carry the MBI: follow them only where a URL may hold it.
 */
function pageUrl(request: Request, search: SearchRequest, startIndex: number): string {
  const url = new URL(request.url);
  url.pathname = url.pathname.replace(/\/_search\/?$/, '/');
  const params = new URLSearchParams(search.params);
  params.set('_count', String(search.count));
  params.set('startIndex', String(startIndex));
  url.search = params.toString();
  return url.toString();
}

function bundleId(url: string): string {
  const { pathname, search } = new URL(url);
  const hex = createHash('sha256').update(`${pathname}${search}`).digest('hex');
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20, 32),
  ].join('-');
}
