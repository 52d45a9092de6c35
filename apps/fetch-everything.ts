import * as oauth from 'openid-client';
import type { ReceivedResponse } from './app-session.ts';
import type { TargetEndpoints } from './target-endpoints.ts';

/** Upper bound on pages followed per search, so a target that loops its `next` link ends. */
const MAX_PAGES = 50;

/**
 * Fetches everything a token allows: userinfo, each search and every page of it by its `next`
 * link, and a read of the patient the token names. Every answer is kept as received.
 */
export async function fetchEverything(
  config: oauth.Configuration,
  accessToken: string,
  endpoints: TargetEndpoints,
  patient: string | undefined,
): Promise<ReceivedResponse[]> {
  const { received, get } = recorder(config, accessToken);
  await get(endpoints.userinfoUrl, 'userinfo');

  for (const searchUrl of endpoints.resourceUrls) {
    let next: string | undefined = searchUrl;
    for (let page = 0; next && page < MAX_PAGES; page += 1) {
      const { status, body } = await get(next, 'resource');
      next = status === 200 ? nextLink(body) : undefined;
    }
  }

  await readPatient(get, endpoints, patient);
  return received;
}

/** Who a token belongs to: userinfo, and a read of the patient the token response named. */
export async function fetchIdentity(
  config: oauth.Configuration,
  accessToken: string,
  endpoints: TargetEndpoints,
  patient: string | undefined,
): Promise<ReceivedResponse[]> {
  const { received, get } = recorder(config, accessToken);
  await get(endpoints.userinfoUrl, 'userinfo');
  await readPatient(get, endpoints, patient);
  return received;
}

type Get = (
  url: string,
  purpose: ReceivedResponse['purpose'],
) => Promise<{ status: number; body: string }>;

function recorder(config: oauth.Configuration, accessToken: string) {
  const received: ReceivedResponse[] = [];
  const get: Get = async (url, purpose) => {
    const response = await oauth.fetchProtectedResource(config, accessToken, new URL(url), 'GET');
    const body = await response.text();
    received.push({ purpose, method: 'GET', url, status: response.status, body });
    return { status: response.status, body };
  };
  return { received, get };
}

async function readPatient(get: Get, endpoints: TargetEndpoints, patient: string | undefined) {
  const patientSearch = endpoints.resourceUrls.find((url) => /\/Patient\/?$/.test(url));
  if (!patient || !patientSearch) return;
  await get(`${patientSearch.replace(/\/+$/, '')}/${encodeURIComponent(patient)}`, 'resource');
}

function nextLink(body: string): string | undefined {
  try {
    const bundle = JSON.parse(body) as fhir4.Bundle;
    return bundle.link?.find((link) => link.relation === 'next')?.url;
  } catch {
    return undefined;
  }
}
