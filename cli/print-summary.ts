import type { Results } from '../reporting/results.ts';

/** The end-of-run summary for a person: verdict, counts, and one line per finding. */
export function printSummary(results: Results, reportDir: string): void {
  const { counts } = results;
  console.log('');
  console.log(`verdict: ${verdictText(results)}`);
  console.log(
    `  ${counts.beneficiaries} beneficiaries, ${counts.logins} logins, ${counts.requests} requests; ` +
      `${counts.violations} violations, ${counts.lockOuts} lock-outs`,
  );
  for (const finding of results.findings.slice(0, 20)) {
    if (finding.kind === 'violation') {
      console.log(
        `  violation: ${finding.viewer} received ${finding.owner}'s data through ${finding.app} ` +
          `(${finding.channel} ${finding.url})`,
      );
      // The same sub at two issuers is two people: then the issuers are the evidence.
      const at = (issuer: string | undefined) =>
        finding.viewerIssuer !== finding.ownerIssuer && issuer ? ` at ${issuer}` : '';
      console.log(
        `    subjects: ${finding.viewerSub}${at(finding.viewerIssuer)} (viewer) vs ` +
          `${finding.ownerSub}${at(finding.ownerIssuer)} (owner)`,
      );
    } else {
      console.log(
        `  lock-out: ${finding.viewer} through ${finding.app} ended on ${finding.status} ${finding.title}`,
      );
    }
  }
  if (results.findings.length > 20) console.log(`  ... and ${results.findings.length - 20} more`);
  if (results.diagnosis) {
    console.log(`  diagnosis: ${results.diagnosis.transform}: ${results.diagnosis.summary}`);
  }
  for (const error of results.errors) console.log(`  error: ${error}`);
  console.log(`  report:     ${reportDir}/report.html`);
  console.log(`  junit:      ${reportDir}/junit.xml`);
  console.log(`  results:    ${reportDir}/results.json`);
  console.log(`  playwright: ${reportDir}/playwright/index.html`);
}

export function verdictText(results: Results): string {
  if (results.verdict === 'clean')
    return "CLEAN: no beneficiary or app received anyone else's data";
  if (results.verdict === 'findings') {
    return `FINDINGS: ${results.counts.violations} violations, ${results.counts.lockOuts} lock-outs`;
  }
  return 'ERROR: twinsub could not finish the run';
}
