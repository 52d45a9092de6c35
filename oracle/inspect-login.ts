import type { ReceivedResponse } from '../apps/app-session.ts';
import type { Finding, LockOut, Violation } from './finding.ts';
import type { LoginRecord } from './login-record.ts';
import type { Ownership } from './ownership.ts';

const EXCERPT_RADIUS = 80;

/**
 * Proves, for one login, that the app received the viewer's own data and nothing else: every
 * canary in every answer, and the patient named by the token response and by userinfo, must belong
 * to the viewer. A login that did not end connected is a lock-out, and so is one that connected
 * but never got the viewer's own data; foreign data is reported either way. A login whose
 * refusal is allowed (`LoginRecord.refusalAllowed`) and that was refused cleanly is no lock-out.
 */
export function inspectLogin(record: LoginRecord, ownership: Ownership): Finding[] {
  const session = record.session;
  const responses = session?.responses ?? [];
  const violations = responses.flatMap((response) => [
    ...foreignPatients(record, response, ownership),
    ...foreignCanaries(record, response, ownership),
  ]);
  if (!session || session.state !== 'connected') {
    if (violations.length === 0 && refusedCleanly(record)) return [];
    return [
      ...violations,
      lockOut(record, ownership, session?.error ? { appError: session.error } : {}),
    ];
  }
  if (violations.length > 0) return violations;

  const missing = missingOwnData(record, responses, ownership);
  return missing ? [lockOut(record, ownership, { missing })] : [];
}

/**
 * A refusal the probe allows, made the way a careful target makes one: the person ends on an
 * error page, or the app is told an error. A login that broke down (no answer, a redirect loop)
 * is no refusal.
 */
function refusedCleanly(record: LoginRecord): boolean {
  if (record.refusalAllowed === undefined) return false;
  return record.outcome.status >= 400 || record.session?.error !== undefined;
}

/** The viewer's issuer, and the owner's, where the ownership knows issuers. */
function issuers(
  record: LoginRecord,
  ownership: Ownership,
  owner?: string,
): Pick<Violation, 'viewerIssuer' | 'ownerIssuer'> {
  if (!ownership.issuerOf) return {};
  const viewerIssuer = ownership.issuerOf(record.viewer);
  const ownerIssuer = owner === undefined ? '' : ownership.issuerOf(owner);
  return {
    ...(viewerIssuer ? { viewerIssuer } : {}),
    ...(ownerIssuer ? { ownerIssuer } : {}),
  };
}

function lockOut(
  record: LoginRecord,
  ownership: Ownership,
  detail: Pick<LockOut, 'appError' | 'missing'>,
): LockOut {
  return {
    kind: 'lock-out',
    viewer: record.viewer,
    viewerSub: record.viewerSub,
    ...issuers(record, ownership),
    app: record.app,
    url: record.outcome.finalUrl,
    status: record.outcome.status,
    title: record.outcome.title,
    excerpt: record.outcome.excerpt,
    ...detail,
  };
}

/**
 * A connected login must show the viewer's own identity and data: a token response naming their
 * patient, userinfo naming it too, and at least one of their canaries in a resource. A target that
 * answers with nothing, or with errors, would otherwise pass as clean.
 */
function missingOwnData(
  record: LoginRecord,
  responses: ReceivedResponse[],
  ownership: Ownership,
): string | undefined {
  const own = ownership.patientOf(record.viewer);
  const tokens = responses.filter((r) => r.purpose === 'token' || r.purpose === 'refresh');
  if (tokens.length === 0) return 'the app received no token response';
  if (tokens.some((r) => namedPatients(r)[0] !== own)) {
    return `a token response did not name ${record.viewer}'s patient ${own}`;
  }
  const userinfo = responses.filter((r) => r.purpose === 'userinfo');
  if (!userinfo.some((r) => r.status === 200 && namedPatients(r).includes(own))) {
    return `no userinfo answer named ${record.viewer}'s patient ${own}`;
  }
  const ownCanary = responses.some(
    (r) =>
      r.purpose === 'resource' &&
      r.status === 200 &&
      [...r.body.matchAll(ownership.canaryPattern)].some(
        (match) => ownership.ownerOfCanary(match[0]) === record.viewer,
      ),
  );
  return ownCanary ? undefined : `no resource answer carried ${record.viewer}'s own data`;
}

function foreignCanaries(
  record: LoginRecord,
  response: ReceivedResponse,
  ownership: Ownership,
): Violation[] {
  const byOwner = new Map<string, { first: string; index: number; count: number }>();
  for (const match of response.body.matchAll(ownership.canaryPattern)) {
    const owner = ownership.ownerOfCanary(match[0]);
    if (!owner || owner === record.viewer) continue;
    const seen = byOwner.get(owner);
    if (seen) seen.count += 1;
    else byOwner.set(owner, { first: match[0], index: match.index, count: 1 });
  }

  return [...byOwner].map(([owner, seen]) =>
    violation(record, response, ownership, owner, {
      marker: seen.first,
      markerKind: 'canary',
      count: seen.count,
      excerpt: excerptAround(response.body, seen.index, seen.first.length),
    }),
  );
}

/** The token response and userinfo name a patient; it must be the viewer's (DOMAIN.md 5). */
function foreignPatients(
  record: LoginRecord,
  response: ReceivedResponse,
  ownership: Ownership,
): Violation[] {
  const expected = ownership.patientOf(record.viewer);
  return [...new Set(namedPatients(response))]
    .filter((named) => named !== expected)
    .map((named) => {
      const owner = ownership.ownerOfPatient(named) ?? 'unknown';
      const index = response.body.indexOf(named);
      return violation(record, response, ownership, owner, {
        marker: named,
        markerKind: 'patient-id',
        count: 1,
        excerpt: excerptAround(response.body, Math.max(index, 0), named.length),
      });
    });
}

/**
 * The patients an answer names: `patient` of a token response; `patient` and `sub` of userinfo
 * (a Blue Button-shaped userinfo's `sub` is the patient id). Numbers count as their digits.
 */
function namedPatients(response: ReceivedResponse): string[] {
  if (response.purpose === 'resource') return [];
  let parsed: { patient?: unknown; sub?: unknown };
  try {
    parsed = JSON.parse(response.body) as typeof parsed;
  } catch {
    return [];
  }
  const fields = response.purpose === 'userinfo' ? [parsed.patient, parsed.sub] : [parsed.patient];
  return fields
    .filter((value) => typeof value === 'string' || typeof value === 'number')
    .map(String);
}

function violation(
  record: LoginRecord,
  response: ReceivedResponse,
  ownership: Ownership,
  owner: string,
  evidence: Pick<Violation, 'marker' | 'markerKind' | 'count' | 'excerpt'>,
): Violation {
  return {
    kind: 'violation',
    viewer: record.viewer,
    viewerSub: record.viewerSub,
    owner,
    ownerSub: owner === 'unknown' ? '' : ownership.subjectOf(owner),
    ...issuers(record, ownership, owner === 'unknown' ? undefined : owner),
    app: record.app,
    channel: response.purpose,
    url: response.url,
    ...evidence,
  };
}

function excerptAround(text: string, index: number, length: number): string {
  const start = Math.max(0, index - EXCERPT_RADIUS);
  const end = Math.min(text.length, index + length + EXCERPT_RADIUS);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}
