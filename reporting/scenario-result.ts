import type { Finding } from '../oracle/finding.ts';
import type { CollisionSeries, Diagnosis } from './results.ts';

/** Name of the test attachment through which a scenario hands its result to the reporter. */
export const SCENARIO_RESULT_ATTACHMENT = 'twinsub-result';

/** How one beneficiary's login through one app ended, as the app's session saw it. */
export interface LoginSummary {
  beneficiary: string;
  app: string;
  /** The app session's final state (`apps/app-session.ts`). */
  outcome: 'started' | 'connected' | 'denied' | 'failed';
}

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
  accounts: {
    beneficiary: string;
    sub: string;
    /** The identity provider that holds the account, where the world has more than one. */
    issuer?: string;
    createdAt: string;
  }[];
  /**
   * Every login the scenario made. Optional: without it the report's matrix can show findings
   * but cannot tell a clean login from a beneficiary who never used that app.
   */
  loginOutcomes?: LoginSummary[];
  /** A sensitivity probe's map of the characters the target ignores (the report draws it). */
  diagnosis?: Omit<Diagnosis, 'scenario'>;
  /** Expected against observed colliding pairs (the report charts them). */
  collisions?: CollisionSeries[];
}
