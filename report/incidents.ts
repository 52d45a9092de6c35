import type { LockOut, Violation } from '../oracle/finding.ts';
import type { Results } from '../reporting/results.ts';

type Account = Results['accounts'][number];

/**
 * Every finding of one viewer through one app about one owner: the unit a reviewer reads. A leaked
 * login yields a finding per answer (token, userinfo, each FHIR page); they share one evidence
 * chain, and repeating it per answer would make a large run's report unreadable and too heavy.
 */
export type Incident =
  | {
      kind: 'violation';
      id: string;
      scenario: string;
      viewer: string;
      owner: string;
      app: string;
      viewerAccount?: Account;
      ownerAccount?: Account;
      findings: Violation[];
    }
  | {
      kind: 'lock-out';
      id: string;
      scenario: string;
      viewer: string;
      app: string;
      viewerAccount?: Account;
      findings: LockOut[];
    };

/** Groups findings into incidents, in the order their first finding was recorded. */
export function groupIncidents(results: Results): Incident[] {
  const accounts = new Map(results.accounts.map((a) => [`${a.scenario}/${a.beneficiary}`, a]));
  const incidents = new Map<string, Incident>();

  for (const finding of results.findings) {
    const { scenario, ...rest } = finding;
    const owner = rest.kind === 'violation' ? rest.owner : '';
    const key = [scenario, rest.kind, rest.viewer, owner, rest.app].join('\u0000');
    const known = incidents.get(key);
    if (known?.kind === 'violation' && rest.kind === 'violation') {
      known.findings.push(rest);
      continue;
    }
    if (known?.kind === 'lock-out' && rest.kind === 'lock-out') {
      known.findings.push(rest);
      continue;
    }

    const id = `incident-${incidents.size + 1}`;
    const viewerAccount = accounts.get(`${scenario}/${rest.viewer}`);
    incidents.set(
      key,
      rest.kind === 'violation'
        ? {
            kind: 'violation',
            id,
            scenario,
            viewer: rest.viewer,
            owner: rest.owner,
            app: rest.app,
            viewerAccount,
            ownerAccount: accounts.get(`${scenario}/${rest.owner}`),
            findings: [rest],
          }
        : {
            kind: 'lock-out',
            id,
            scenario,
            viewer: rest.viewer,
            app: rest.app,
            viewerAccount,
            findings: [rest],
          },
    );
  }
  return [...incidents.values()];
}
