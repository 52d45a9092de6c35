import type { Finding } from '../oracle/finding.ts';

/**
 * A finding in one line that says who saw whose data, the name a CI page shows for it:
 * `bene-0002 received bene-0001's data through app-2`.
 */
export function findingTitle(finding: Finding): string {
  if (finding.kind === 'lock-out') {
    return `${finding.viewer} was locked out through ${finding.app}`;
  }
  if (finding.owner === 'unknown') {
    return `${finding.viewer} received a patient no beneficiary owns through ${finding.app}`;
  }
  return `${finding.viewer} received ${finding.owner}'s data through ${finding.app}`;
}

/** Where a finding showed: the channel and the path of the answer, without the loopback origin. */
export function findingPlace(finding: Finding): string {
  const path = pathOf(finding.url);
  return finding.kind === 'violation' ? `${finding.channel} ${path}` : `last page ${path}`;
}

/** The path and query of a URL; loopback ports change every run and say nothing to a reader. */
export function pathOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return url;
  }
}
