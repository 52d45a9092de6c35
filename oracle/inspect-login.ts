import type { ReceivedResponse } from '../apps/app-session.ts';
import type { Finding, Violation } from './finding.ts';
import type { LoginRecord } from './login-record.ts';
import type { Ownership } from './ownership.ts';

const EXCERPT_RADIUS = 80;

/**
 * Proves, for one login, that the app received nothing but the viewer's own data: every canary in
 * every answer, and the patient named by the token response and by userinfo, must belong to the
 * viewer. A login that did not end connected is a lock-out.
 */
export function inspectLogin(record: LoginRecord, ownership: Ownership): Finding[] {
  const session = record.session;
  if (!session || session.state !== 'connected') {
    return [
      {
        kind: 'lock-out',
        viewer: record.viewer,
        viewerSub: record.viewerSub,
        app: record.app,
        url: record.outcome.finalUrl,
        status: record.outcome.status,
        title: record.outcome.title,
        excerpt: record.outcome.excerpt,
        ...(session?.error ? { appError: session.error } : {}),
      },
    ];
  }

  const findings: Finding[] = [];
  for (const response of session.responses) {
    findings.push(...foreignPatients(record, response, ownership));
    findings.push(...foreignCanaries(record, response, ownership));
  }
  return findings;
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
  if (response.purpose === 'resource' || response.status !== 200) return [];
  const named = namedPatient(response.body);
  const expected = ownership.patientOf(record.viewer);
  if (named === undefined || named === expected) return [];

  const owner = ownership.ownerOfPatient(named) ?? 'unknown';
  const index = response.body.indexOf(named);
  return [
    violation(record, response, ownership, owner, {
      marker: named,
      markerKind: 'patient-id',
      count: 1,
      excerpt: excerptAround(response.body, Math.max(index, 0), named.length),
    }),
  ];
}

function namedPatient(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { patient?: unknown };
    return typeof parsed.patient === 'string' ? parsed.patient : undefined;
  } catch {
    return undefined;
  }
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
