// Renders the recorded clean and leaking runs' reports and photographs them for the README:
// docs/report-clean.png and docs/report-leaking.png. Run: npx tsx report/docs-screenshots.ts
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findBrowser } from '../drivers/find-browser.ts';
import type { Results } from '../reporting/results.ts';
import { renderReportFor } from './write-report.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Tall enough for the verdict, the matrix and the first evidence chain; the rest is scrolling. */
const MAX_HEIGHT = 1900;
const SHOTS = [
  { fixture: 'clean', out: 'docs/report-clean.png' },
  { fixture: 'leaking', out: 'docs/report-leaking.png' },
];

const dir = mkdtempSync(join(tmpdir(), 'twinsub-docs-'));
const browser = await chromium.launch({ executablePath: findBrowser(), args: CHROMIUM_ARGS });
try {
  for (const { fixture, out } of SHOTS) {
    const fixtureDir = join(ROOT, 'reporting/testdata', fixture);
    const results = JSON.parse(readFileSync(join(fixtureDir, 'results.json'), 'utf8')) as Results;
    const file = join(dir, `${fixture}.html`);
    writeFileSync(file, renderReportFor(results, fixtureDir));
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    await page.goto(pathToFileURL(file).href);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.screenshot({
      path: join(ROOT, out),
      fullPage: true,
      clip: { x: 0, y: 0, width: 1200, height: Math.min(height, MAX_HEIGHT) },
    });
  }
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
