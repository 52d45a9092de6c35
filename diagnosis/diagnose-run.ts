import { join } from 'node:path';
import { protocolDriver } from '../drivers/protocol-driver.ts';
import { REPORT_LINKS } from '../report/report-links.ts';
import { renderReportFor } from '../report/write-report.ts';
import type { Results } from '../reporting/results.ts';
import { writeAtomically } from '../reporting/write-atomically.ts';
import { startWorld } from '../world/start-world.ts';
import { diagnosisOf, type Sensitivity } from './describe-sensitivity.ts';
import { PROBE_POPULATION, probeSensitivity } from './sensitivity-probe.ts';

/** The `scenario` of a diagnosis `twinsub run` added after its scenarios. */
export const PROBE_SCENARIO = 'sensitivity-probe';

/**
 * The sensitivity probe against the reference target with one defect, in a world of its own
 * (seeded like the run, so it replays), stopped afterwards. `twinsub run` and `twinsub matrix`
 * both diagnose through it.
 */
export async function probeReferenceTarget(options: {
  seed: number;
  defect: string;
  databaseUrl?: string | undefined;
}): Promise<Sensitivity> {
  const world = await startWorld({
    seed: options.seed,
    defect: options.defect,
    populationSize: PROBE_POPULATION,
    databaseUrl: options.databaseUrl,
  });
  try {
    return await probeSensitivity(world, protocolDriver(), { seed: options.seed });
  } finally {
    await world.stop();
  }
}

/**
 * A run with findings gets the probe's diagnosis: the mapping named, the positions ignored and
 * every pair compared. `results.json` and `report.html` in `reportDir` are rewritten with it.
 * A clean run, or one a scenario already diagnosed, is returned as it is, without probing. A
 * probe that fails leaves the findings as they are and says why among the run's errors.
 */
export async function addDiagnosis(
  results: Results,
  reportDir: string,
  probe: () => Promise<Sensitivity>,
): Promise<Results> {
  if (results.verdict !== 'findings' || results.diagnosis) return results;
  let diagnosed: Results;
  try {
    const diagnosis = { scenario: PROBE_SCENARIO, ...diagnosisOf(await probe()) };
    diagnosed = { ...results, diagnosis };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    diagnosed = {
      ...results,
      errors: [
        ...results.errors,
        `the sensitivity probe could not diagnose the findings: ${reason}`,
      ],
    };
  }
  writeAtomically(join(reportDir, REPORT_LINKS.results), `${JSON.stringify(diagnosed, null, 2)}\n`);
  writeAtomically(join(reportDir, REPORT_LINKS.report), renderReportFor(diagnosed, reportDir));
  return diagnosed;
}
