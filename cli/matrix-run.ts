import { seededRandom } from '../core/random.ts';
import { likelyTransform, type Sensitivity } from '../diagnosis/describe-sensitivity.ts';
import { probeReferenceTarget } from '../diagnosis/diagnose-run.ts';
import { protocolDriver } from '../drivers/protocol-driver.ts';
import type { ScenarioResult } from '../reporting/scenario-result.ts';
import { CONCURRENT_LOGINS, runConcurrentLogins } from '../scenarios/concurrent-logins.ts';
import { runPopulation } from '../scenarios/population.ts';
import type { ScenarioContext } from '../scenarios/scenario-run.ts';
import { runTwinSets, TWIN_SETS_POPULATION } from '../scenarios/twin-sets.ts';
import { runTwins } from '../scenarios/twins.ts';
import type { Defect } from '../target/user-key.ts';
import { startWorld } from '../world/start-world.ts';

/** One row of the mutation matrix. */
export interface MatrixRow {
  defect: Defect;
  seed: number;
  /** What the default suite reported; against `none` anything but `missed` is a false alarm. */
  detectedAs: 'violation' | 'lock-out' | 'missed';
  /** The first scenario of the default suite that found something, in suite order. */
  caughtBy: string | null;
  /** From the first world's start to the end of the scenario that caught it, ms. */
  msToDetection: number | null;
  findings: number;
  /** The sensitivity probe's summary, for detected defects. */
  diagnosis: string | null;
  /** The mapping the probe named, as a transform spec (`slice:9:36`, `number`...). */
  mapping: string | null;
  /** The mapping the planted defect applies (`EXPECTED_MAPPING`); null for `none`. */
  expectedMapping: string | null;
  /**
   * Whether the probe named `expectedMapping` (false too when the probe could not run); null
   * when nothing was probed: nothing found, `--no-diagnose`, or `none`, which has no mapping.
   */
  diagnosedRight: boolean | null;
  /** `none` clean, every other defect detected, and diagnosed as its mapping where probed. */
  pass: boolean;
}

/**
 * What the sensitivity probe should name for each defect of the reference target. The matrix
 * tests twinsub itself, so it knows which defect it planted; no scenario and no probe ever does.
 * A defect that keeps part of `sub` alone drops the issuer too; a defect whose user key is right
 * (a stale cache aside) shows no lossy key: `iss-sub`. The response cache files answers under the
 * first 8 characters of the user's subject, and that is the mapping its leak follows.
 */
export const EXPECTED_MAPPING: Readonly<Record<Exclude<Defect, 'none'>, string>> = {
  'truncate-uuid-96': 'slice:9:36+drop-issuer',
  'guarded-truncate-uuid-96': 'slice:9:36+drop-issuer',
  'truncate-prefix-20': 'prefix:20+drop-issuer',
  'truncate-suffix-12': 'suffix:12+drop-issuer',
  'case-insensitive-column': 'lower',
  'nfkc-fold': 'nfkc',
  'trim-whitespace': 'trim',
  'numeric-sub': 'number',
  'short-hash-16': 'sha256-bits:16+drop-issuer',
  'email-key': 'email',
  'response-cache-prefix-8': 'prefix:8+drop-issuer',
  'shared-token-across-apps': 'iss-sub',
  'issuer-ignored': 'drop-issuer',
  'userinfo-sub-unchecked': 'iss-sub',
  'first-login-race': 'iss-sub',
};

export interface MatrixSettings {
  seed: number;
  /** Beneficiaries of the population scenario; 0 leaves it out. */
  population: number;
  diagnose: boolean;
}

/** The default suite in its order, each scenario in a world of its own. */
const SUITE: { name: string; size: (s: MatrixSettings) => number; run: Runner }[] = [
  { name: 'twins', size: () => 2, run: (context) => runTwins(context) },
  { name: 'twin-sets', size: () => TWIN_SETS_POPULATION, run: (context) => runTwinSets(context) },
  {
    name: 'concurrent-logins',
    size: () => CONCURRENT_LOGINS,
    run: (context) => runConcurrentLogins(context),
  },
  {
    name: 'population',
    size: (s) => s.population,
    run: (context, s) => runPopulation(context, seededRandom(s.seed).fork('population')),
  },
];
type Runner = (context: ScenarioContext, settings: MatrixSettings) => Promise<ScenarioResult>;

/**
 * The default suite against one defect, stopping at the first scenario that finds something
 * (against `none` every scenario runs), then the sensitivity probe when something was found.
 */
export async function runMatrixRow(defect: Defect, settings: MatrixSettings): Promise<MatrixRow> {
  const started = Date.now();
  let caught: { scenario: string; result: ScenarioResult; at: number } | undefined;

  for (const scenario of SUITE) {
    const size = scenario.size(settings);
    if (size < 1) continue;
    const world = await startWorld({ seed: settings.seed, defect, populationSize: size });
    try {
      const result = await scenario.run({ world, driver: protocolDriver() }, settings);
      if (result.findings.length > 0) {
        caught = { scenario: scenario.name, result, at: Date.now() - started };
        break;
      }
    } finally {
      await world.stop();
    }
  }

  const findings = caught?.result.findings ?? [];
  const detectedAs = findings.some((f) => f.kind === 'violation')
    ? 'violation'
    : findings.length > 0
      ? 'lock-out'
      : 'missed';
  const probing = caught !== undefined && settings.diagnose;
  let probed: Sensitivity | null = null;
  let probeFailure: string | null = null;
  if (probing) {
    try {
      probed = await probeReferenceTarget({ seed: settings.seed, defect });
    } catch (error) {
      // One row's probe failing must not cost the rows already run, nor hide their findings.
      const reason = error instanceof Error ? error.message : String(error);
      probeFailure = `the sensitivity probe could not run: ${reason}`;
    }
  }
  const mapping = probed ? likelyTransform(probed) : null;
  const expectedMapping = defect === 'none' ? null : EXPECTED_MAPPING[defect];
  const diagnosedRight = probing && expectedMapping !== null ? mapping === expectedMapping : null;
  const detected = defect === 'none' ? detectedAs === 'missed' : detectedAs !== 'missed';
  return {
    defect,
    seed: settings.seed,
    detectedAs,
    caughtBy: caught?.scenario ?? null,
    msToDetection: caught?.at ?? null,
    findings: findings.length,
    diagnosis: probed?.summary ?? probeFailure,
    mapping,
    expectedMapping,
    diagnosedRight,
    pass: detected && diagnosedRight !== false,
  };
}
