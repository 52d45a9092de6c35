import { join, resolve } from 'node:path';
import { findBrowser } from '../drivers/find-browser.ts';
import type { Results } from '../reporting/results.ts';
import { DEFAULT_SETTINGS } from '../scenarios/run-settings.ts';
import { EXIT } from './exit-codes.ts';
import { resolveRunOptions } from './run-options.ts';
import { runScenarios } from './run-scenarios.ts';

const DEFECTS_SHOWN = ['none', 'truncate-uuid-96'] as const;

/**
 * The twins scenario against the correct reference target and against the 2018 truncation, side
 * by side. Succeeds when the correct target is clean and the defective one is caught.
 */
export async function runDemo(raw: {
  driver: string;
  seed: string;
  reportDir: string;
}): Promise<number> {
  const runs: { defect: string; results: Results; reportDir: string }[] = [];
  for (const defect of DEFECTS_SHOWN) {
    const reportDir = join(raw.reportDir, defect);
    const options = resolveRunOptions({
      ...raw,
      target: 'reference',
      defect,
      population: '0',
      scheme: DEFAULT_SETTINGS.scheme,
      scenario: ['twins'],
      reportDir,
    });
    if (options.driver === 'browser') findBrowser();
    console.log(`\n== twins against the reference target, defect ${defect}`);
    runs.push({ defect, results: await runScenarios(options), reportDir: resolve(reportDir) });
  }

  console.log('');
  console.log(
    `${'defect'.padEnd(18)} ${'verdict'.padEnd(9)} ${'logins'.padStart(6)} ${'violations'.padStart(10)}  report`,
  );
  for (const { defect, results, reportDir } of runs) {
    console.log(
      `${defect.padEnd(18)} ${results.verdict.padEnd(9)} ${String(results.counts.logins).padStart(6)} ` +
        `${String(results.counts.violations).padStart(10)}  ${reportDir}/results.json`,
    );
  }
  for (const { defect, results } of runs) {
    for (const f of results.findings) {
      if (f.kind !== 'violation' || f.channel !== 'token') continue;
      console.log(
        `\n${defect}: ${f.viewer} was given ${f.owner}'s patient id ${f.marker} through ${f.app}`,
      );
      console.log(`  ${f.viewer}'s subject ${f.viewerSub}`);
      console.log(`  ${f.owner}'s subject ${f.ownerSub}`);
    }
  }

  const [clean, defective] = runs;
  if (runs.some((run) => run.results.verdict === 'error')) return EXIT.cannotRun;
  const caught = clean?.results.verdict === 'clean' && defective?.results.verdict === 'findings';
  console.log(
    caught
      ? '\nThe correct target is clean and the 2018 truncation is caught.'
      : '\nUnexpected: the demo did not tell the correct target from the defective one.',
  );
  return caught ? EXIT.clean : EXIT.findings;
}
