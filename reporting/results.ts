import type { Finding } from '../oracle/finding.ts';
import type { ScenarioResult } from './scenario-result.ts';

/** `clean`: nothing found; `findings`: violations or lock-outs; `error`: twinsub could not run. */
export type Verdict = 'clean' | 'findings' | 'error';

/** The machine contract written to `results.json` at the end of every run. */
export interface Results {
  schemaVersion: 1;
  verdict: Verdict;
  settings: Record<string, string | number>;
  startedAt: string;
  durationMs: number;
  counts: {
    scenarios: number;
    beneficiaries: number;
    logins: number;
    requests: number;
    violations: number;
    lockOuts: number;
  };
  scenarios: (Omit<ScenarioResult, 'findings' | 'accounts'> & {
    project: string;
    status: string;
    durationMs: number;
    findings: number;
  })[];
  findings: (Finding & { scenario: string })[];
  accounts: (ScenarioResult['accounts'][number] & { scenario: string })[];
  /** Why twinsub could not run, one sentence each. */
  errors: string[];
}
