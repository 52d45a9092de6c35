import type { Finding } from '../oracle/finding.ts';
import type { LoginSummary, ScenarioResult } from './scenario-result.ts';

/**
 * `clean`: nothing found; `findings`: violations or lock-outs, even when another scenario could not
 * run (a leak must fail CI); `error`: nothing found and twinsub could not finish.
 */
export type Verdict = 'clean' | 'findings' | 'error';

/** One scenario as it ran under one Playwright project. */
export type ScenarioSummary = Omit<
  ScenarioResult,
  'findings' | 'accounts' | 'loginOutcomes' | 'diagnosis' | 'collisions'
> & {
  project: string;
  status: string;
  durationMs: number;
  findings: number;
  /** Playwright's test id: `playwright/index.html#?testId=<id>` opens the scenario there. */
  testId?: string;
  /** Browser logins' last pages, paths relative to the report directory. */
  screenshots?: { name: string; path: string }[];
  /** The Playwright trace, relative to the report directory, when one was kept. */
  trace?: string;
};

/**
 * Which differences between subjects the target ignores, found by a sensitivity probe
 * (`diagnosis/sensitivity-probe.ts`): accounts whose `sub` differs from `sub` in one position
 * each, then in one other way each, logged in one by one.
 */
export interface Diagnosis {
  /** The scenario that probed, or `sensitivity-probe` when `twinsub run` probed after its scenarios. */
  scenario: string;
  /**
   * The most likely lossy mapping as a transform spec (`transforms/`): `slice:9:36`, `lower`,
   * `number`, `sha256-bits:16`...; `iss-sub` when the probe saw no difference ignored.
   */
  transform: string;
  /** One sentence, e.g. `positions 0-8 ignored: the target keeps characters 9..36`. */
  summary: string;
  /** The subject the probe started from. */
  sub: string;
  /** Indexes into `sub` whose change the target did not notice. */
  ignored: number[];
  /**
   * Differences other than one position (case, Unicode form, whitespace, email, numeric
   * neighbours, hash collisions), with the two subjects compared when known: the first logged
   * in first, then the second, which either got its own user (`ignored: false`) or not.
   */
  differences?: { difference: string; ignored: boolean; subs?: [string, string] }[];
}

/** Colliding pairs by population size for one scheme under one transform. */
export interface CollisionSeries {
  scheme: string;
  transform: string;
  points: { population: number; expected: number; observed: number }[];
}

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
  scenarios: ScenarioSummary[];
  findings: (Finding & { scenario: string })[];
  accounts: (ScenarioResult['accounts'][number] & { scenario: string })[];
  /** Why twinsub could not run, one sentence each. */
  errors: string[];
  /** `twinsub run` command lines that repeat this run, one per driver. */
  reproduce?: string[];
  /** Every login, when the scenarios recorded them (see `ScenarioResult.loginOutcomes`). */
  logins?: (LoginSummary & { scenario: string })[];
  /** The first scenario's diagnosis, when a scenario probed the target. */
  diagnosis?: Diagnosis;
  /** Every scenario's collision series, in the order the scenarios ended. */
  collisions?: CollisionSeries[];
}
