import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeDirectory } from '../core/make-directory.ts';
import { REPORT_LINKS } from '../report/report-links.ts';

/**
 * Marks a folder as a twinsub report directory, which a later run may overwrite: a folder
 * holding anything else is refused, since Playwright empties its `playwright/` and
 * `test-results/` folders.
 */
export const REPORT_DIR_MARKER = '.twinsub-report';

/** The report files, each also written as `<name>.partial` while it is replaced. */
const REPORT_FILES = [REPORT_LINKS.results, REPORT_LINKS.report, REPORT_LINKS.junit];

/** What a report directory holds: the marker, twinsub's reports and Playwright's folders. */
const REPORT_ENTRIES = new Set<string>([
  REPORT_DIR_MARKER,
  ...REPORT_FILES,
  ...REPORT_FILES.map((file) => `${file}.partial`),
  REPORT_LINKS.screenshots,
  'playwright',
  'test-results',
]);

/** Makes `dir` and marks it; `twinsub run` has checked the folder first. */
export function markReportDir(dir: string): void {
  makeDirectory(dir);
  writeFileSync(
    join(dir, REPORT_DIR_MARKER),
    'a twinsub report directory: twinsub may overwrite it\n',
  );
}

/**
 * Marks `dir` when it is new or holds only what a report directory holds, so that a plain
 * `playwright test` leaves a folder `twinsub run` may reuse; a folder with anything else in it
 * stays unmarked, and `twinsub run` keeps refusing it.
 */
export function markIfReportDir(dir: string): void {
  if (existsSync(dir) && readdirSync(dir).some((entry) => !REPORT_ENTRIES.has(entry))) return;
  markReportDir(dir);
}
