import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { Results } from '../reporting/results.ts';
import { renderReport } from './render-report.ts';

/**
 * Renders the isolation report for a report directory, inlining the browser screenshots that
 * belong to findings as `data:` URIs so the one file is the whole report. Screenshots of clean
 * logins stay out: a population run would otherwise carry hundreds of pictures nobody needs.
 */
export function renderReportFor(results: Results, reportDir: string): string {
  const wanted = new Set(
    results.findings.map((f) => `${f.scenario}\u0000last page of ${f.viewer}-${f.app}`),
  );
  const images = new Map<string, string>();
  for (const scenario of results.scenarios) {
    for (const shot of scenario.screenshots ?? []) {
      if (!wanted.has(`${scenario.scenario}\u0000${shot.name}`)) continue;
      const file = isAbsolute(shot.path) ? shot.path : join(reportDir, shot.path);
      if (!existsSync(file)) continue;
      images.set(shot.path, `data:image/png;base64,${readFileSync(file).toString('base64')}`);
    }
  }
  return renderReport(results, { images });
}
