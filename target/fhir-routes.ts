import type OAuth2Server from '@node-oauth/oauth2-server';
import { Router, type Response } from 'express';
import { logger } from '../core/log.ts';
import { requireBearerToken } from './bearer-token.ts';

const log = logger('target:fhir');

/**
 * How each resource type is tied to a patient: the search parameter that forces a search to the
 * token's patient, and the field a read's result must point at the token's patient with.
 */
const RESOURCES = {
  Patient: {
    scope: 'patient/Patient.read',
    search: (patient: string) => ({ _id: patient }),
    owner: (resource: FhirResource) =>
      resource.id === undefined ? undefined : `Patient/${resource.id}`,
  },
  ExplanationOfBenefit: {
    scope: 'patient/ExplanationOfBenefit.read',
    search: (patient: string) => ({ patient }),
    owner: (resource: FhirResource) => resource.patient?.reference,
  },
  Coverage: {
    scope: 'patient/Coverage.read',
    search: (patient: string) => ({ beneficiary: `Patient/${patient}` }),
    owner: (resource: FhirResource) => resource.beneficiary?.reference,
  },
} as const;

/** Only paging passes through: any other search parameter could widen the search. */
const PASSED_PARAMETERS = ['_count', 'startIndex'];

interface FhirResource {
  resourceType?: string;
  id?: string;
  patient?: { reference?: string };
  beneficiary?: { reference?: string };
}

export interface FhirRoutesContext {
  oauth: OAuth2Server;
  backendUrl: string;
  /** The target's own base URL, which replaces the backend's in the answers' links. */
  baseUrl(): string;
  /**
   * The `response-cache-prefix-8` defect: searches are answered from a per-user cache filed
   * under this key (a shortened user key) instead of under the token's patient. Absent: no cache.
   */
  cacheKeyOf?: (userId: number) => Promise<string>;
}

/**
 * `/v2/fhir/{Patient,ExplanationOfBenefit,Coverage}`: searches forced to the token's patient and
 * reads refused (404, as BB2.0 answers) unless the resource is the token's patient's, proxied to
 * the data backend with its URLs rewritten to the target's.
 */
export function fhirRoutes(context: FhirRoutesContext): Router {
  const router = Router();
  const cache = new Map<string, BackendAnswer>();

  for (const [type, rules] of Object.entries(RESOURCES)) {
    router.get(`/v2/fhir/${type}`, async (req, res) => {
      const token = await requireBearerToken(context.oauth, req, res, rules.scope);
      if (!token) return;
      const url = new URL(`${context.backendUrl}/v2/fhir/${type}/`);
      for (const name of PASSED_PARAMETERS) {
        const value = req.query[name];
        if (typeof value === 'string') url.searchParams.set(name, value);
      }
      for (const [name, value] of Object.entries(rules.search(token.patient))) {
        url.searchParams.set(name, value);
      }
      if (!context.cacheKeyOf) return proxy(context, url, res);

      const userId = (token.user as { id: number }).id;
      const key = `${await context.cacheKeyOf(userId)} ${type} ${req.url}`;
      const cached = cache.get(key);
      if (cached) return send(context, res, cached);
      const answer = await fetchBackend(url, res);
      if (!answer) return;
      if (answer.status === 200) cache.set(key, answer);
      send(context, res, answer);
    });

    router.get(`/v2/fhir/${type}/:id`, async (req, res) => {
      const token = await requireBearerToken(context.oauth, req, res, rules.scope);
      if (!token) return;
      const id = req.params.id as string;
      if (type === 'Patient' && id !== token.patient) return notFound(res, type, id);

      const url = new URL(`${context.backendUrl}/v2/fhir/${type}/${encodeURIComponent(id)}`);
      const answer = await fetchBackend(url, res);
      if (!answer) return;
      if (answer.status === 200) {
        const owner = rules.owner(JSON.parse(answer.body) as FhirResource);
        if (owner !== `Patient/${token.patient}`) {
          log('refused %s/%s of %s to a token of patient %s', type, id, owner, token.patient);
          return notFound(res, type, id);
        }
      }
      send(context, res, answer);
    });
  }

  return router;
}

interface BackendAnswer {
  status: number;
  contentType: string;
  body: string;
}

async function proxy(context: FhirRoutesContext, url: URL, res: Response): Promise<void> {
  const answer = await fetchBackend(url, res);
  if (answer) send(context, res, answer);
}

async function fetchBackend(url: URL, res: Response): Promise<BackendAnswer | undefined> {
  try {
    const response = await fetch(url, { headers: { accept: 'application/fhir+json' } });
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? 'application/fhir+json',
      body: await response.text(),
    };
  } catch (error) {
    log('data backend request %s failed: %s', url.href, (error as Error).message);
    res.status(502).json(outcome('exception', 'The data backend did not answer.'));
    return undefined;
  }
}

/** BB2.0 rewrites the backend's base URL in every link it passes on, paging links included. */
function send(context: FhirRoutesContext, res: Response, answer: BackendAnswer): void {
  const body = answer.body.replaceAll(
    `${context.backendUrl}/v2/fhir`,
    `${context.baseUrl()}/v2/fhir`,
  );
  res.status(answer.status).type(answer.contentType).send(body);
}

function notFound(res: Response, type: string, id: string): void {
  res.status(404).json(outcome('not-found', `${type}/${id} is not found.`));
}

function outcome(code: string, diagnostics: string) {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, diagnostics }] };
}
