import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import type { Results } from './results.ts';
import { findingPlace, findingTitle } from './finding-title.ts';

/**
 * JUnit XML for CI: a suite of scenarios (one case per scenario run, failed when it had findings)
 * and a suite of findings (one failed case per finding, named `<viewer> received <owner>'s data
 * through <app> (<channel> <path>)`), so a CI page lists who saw whose data without opening files.
 */
export function renderJunit(results: Results): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('testsuites', {
    name: 'twinsub',
    tests: results.scenarios.length + findingCases(results) + results.errors.length,
    failures: results.scenarios.filter((s) => s.findings > 0).length + results.findings.length,
    errors: results.errors.length,
    time: seconds(results.durationMs),
  });

  scenariosSuite(root, results);
  findingsSuite(root, results);
  return `${root.end({ prettyPrint: true })}\n`;
}

function scenariosSuite(root: XMLBuilder, results: Results): void {
  const suite = root.ele('testsuite', {
    name: 'scenarios',
    tests: results.scenarios.length + results.errors.length,
    failures: results.scenarios.filter((s) => s.findings > 0).length,
    errors: results.errors.length,
    skipped: 0,
    timestamp: results.startedAt,
    time: seconds(results.scenarios.reduce((total, s) => total + s.durationMs, 0)),
  });
  for (const scenario of results.scenarios) {
    const testcase = suite.ele('testcase', {
      classname: `twinsub.scenarios.${scenario.project}`,
      name: `${scenario.scenario} [${scenario.project}]`,
      time: seconds(scenario.durationMs),
    });
    testcase
      .ele('system-out')
      .txt(
        `${scenario.beneficiaries} beneficiaries, ${scenario.logins} logins, ` +
          `${scenario.requests} requests, ${scenario.findings} findings`,
      );
    if (scenario.findings === 0) continue;
    testcase
      .ele('failure', {
        type: 'findings',
        message: `${scenario.findings} findings in ${scenario.scenario} [${scenario.project}]`,
      })
      .txt(
        results.findings
          .filter((f) => f.scenario === scenario.scenario)
          .map((f) => `${findingTitle(f)} (${findingPlace(f)})`)
          .join('\n'),
      );
  }
  // results.json says which scenario an error belongs to only in its text, so each gets a case.
  for (const [i, error] of results.errors.entries()) {
    suite
      .ele('testcase', { classname: 'twinsub.run', name: `run error ${i + 1}`, time: 0 })
      .ele('error', { type: 'cannot-run', message: error })
      .txt(error);
  }
}

function findingsSuite(root: XMLBuilder, results: Results): void {
  const suite = root.ele('testsuite', {
    name: 'findings',
    tests: findingCases(results),
    failures: results.findings.length,
    errors: 0,
    skipped: 0,
    timestamp: results.startedAt,
    time: 0,
  });
  if (results.findings.length === 0) {
    // A clean run still shows one green case, so CI can tell "checked, nothing" from "not run".
    const name =
      results.verdict === 'clean' ? "no beneficiary or app received anyone else's data" : '';
    if (name) suite.ele('testcase', { classname: 'twinsub.findings', name, time: 0 });
    return;
  }

  const seen = new Map<string, number>();
  for (const finding of results.findings) {
    const base = `${findingTitle(finding)} (${findingPlace(finding)})`;
    const times = (seen.get(base) ?? 0) + 1;
    seen.set(base, times);
    const testcase = suite.ele('testcase', {
      classname: `twinsub.findings.${finding.scenario}`,
      // CI tools merge cases of one name; an app asking twice must stay two cases.
      name: times === 1 ? base : `${base} #${times}`,
      time: 0,
    });
    const details =
      finding.kind === 'violation'
        ? [
            `viewer ${finding.viewer} sub ${finding.viewerSub}`,
            `owner ${finding.owner} sub ${finding.ownerSub}`,
            `app ${finding.app}, ${finding.channel} ${finding.url}`,
            `${finding.markerKind} ${finding.marker} (${finding.count} in that answer)`,
            `excerpt: ${finding.excerpt}`,
          ]
        : [
            `viewer ${finding.viewer} sub ${finding.viewerSub}`,
            `app ${finding.app}, last page ${finding.url}: ${finding.status} ${finding.title}`,
            ...(finding.appError ? [`the app was told: ${finding.appError}`] : []),
            `excerpt: ${finding.excerpt}`,
          ];
    testcase
      .ele('failure', { type: finding.kind, message: findingTitle(finding) })
      .txt(details.join('\n'));
  }
}

function findingCases(results: Results): number {
  if (results.findings.length > 0) return results.findings.length;
  return results.verdict === 'clean' ? 1 : 0;
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}
