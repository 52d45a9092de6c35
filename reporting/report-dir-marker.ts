import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeDirectory } from '../core/make-directory.ts';

/**
 * Marks a folder as a twinsub report directory, which a later run may overwrite: a folder
 * holding anything else is refused, since Playwright empties its `playwright/` and
 * `test-results/` folders.
 */
export const REPORT_DIR_MARKER = '.twinsub-report';

/** Makes `dir` and marks it, whoever writes the reports: `twinsub run` or `playwright test`. */
export function markReportDir(dir: string): void {
  makeDirectory(dir);
  writeFileSync(
    join(dir, REPORT_DIR_MARKER),
    'a twinsub report directory: twinsub may overwrite it\n',
  );
}
