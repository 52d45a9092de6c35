import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { markIfReportDir, REPORT_DIR_MARKER } from './report-dir-marker.ts';

const scratch = mkdtempSync(join(tmpdir(), 'twinsub-marker-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A folder holding these entries, after markIfReportDir: marked or not. */
function marked(name: string, files: string[], folders: string[] = []): boolean {
  const dir = join(scratch, name);
  mkdirSync(dir);
  for (const folder of folders) mkdirSync(join(dir, folder));
  for (const file of files) writeFileSync(join(dir, file), 'x');
  markIfReportDir(dir);
  return existsSync(join(dir, REPORT_DIR_MARKER));
}

describe('markIfReportDir', () => {
  it('marks a new folder, an empty one, and one holding only what a report folder holds', () => {
    markIfReportDir(join(scratch, 'new'));

    expect([
      existsSync(join(scratch, 'new', REPORT_DIR_MARKER)),
      marked('empty', []),
      marked(
        'reports',
        ['results.json', 'report.html', 'junit.xml', 'results.json.partial'],
        ['playwright', 'test-results', 'screenshots'],
      ),
    ]).toEqual([true, true, true]);
  });

  it('leaves a folder holding anything else unmarked, so that twinsub run refuses it', () => {
    expect([
      marked('notes', ['results.json', 'notes.txt']),
      marked('photos', [], ['screenshots', 'holiday']),
    ]).toEqual([false, false]);
  });
});
