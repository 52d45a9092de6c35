import type { Finding } from '../oracle/finding.ts';

/** Name of the test attachment through which a scenario hands its result to the reporter. */
export const SCENARIO_RESULT_ATTACHMENT = 'twinsub-result';

/** What one scenario run found, as the scenario spec attaches it. */
export interface ScenarioResult {
  scenario: string;
  driver: string;
  /** Beneficiaries whose accounts the scenario created. */
  beneficiaries: number;
  logins: number;
  /** HTTP requests sent by people (drivers) and apps together. */
  requests: number;
  findings: Finding[];
  /** Every account the simulator created for the scenario: the identity side of the evidence. */
  accounts: { beneficiary: string; sub: string; createdAt: string }[];
}
