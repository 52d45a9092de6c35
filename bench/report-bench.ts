// The isolation report of a 1,000-beneficiary run: how long it takes to render, how large it is,
// and how long Chromium takes to open it. Issue 5 asks for under two seconds and under 5 MB.
// Run: npx tsx bench/report-bench.ts [beneficiaries]
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findBrowser } from '../drivers/find-browser.ts';
import { renderReport } from '../report/render-report.ts';
import { syntheticResults } from '../reporting/testdata/synthetic-results.ts';

const OPENS = 5;
const size = Number(process.argv[2] ?? 1000);
const results = syntheticResults(size);
const dir = mkdtempSync(join(tmpdir(), 'twinsub-report-bench-'));
const file = join(dir, 'report.html');

const renderStart = performance.now();
const page = renderReport(results);
const renderMs = performance.now() - renderStart;
writeFileSync(file, page);
const bytes = statSync(file).size;

const browser = await chromium.launch({ executablePath: findBrowser(), args: CHROMIUM_ARGS });
const opens: { wallMs: number; loadMs: number; paintMs: number }[] = [];
try {
  for (let i = 0; i < OPENS; i++) {
    // A new page each time: nothing cached from the previous open.
    const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const start = performance.now();
    await tab.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    const wallMs = performance.now() - start;
    const { loadMs, paintMs } = await tab.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const paint = performance.getEntriesByName('first-contentful-paint')[0];
      return { loadMs: nav.loadEventEnd, paintMs: paint?.startTime ?? Number.NaN };
    });
    opens.push({ wallMs, loadMs, paintMs });
    await tab.close();
  }
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}

const median = (pick: (o: (typeof opens)[number]) => number) =>
  opens.map(pick).sort((a, b) => a - b)[Math.floor(opens.length / 2)]!;
const worst = Math.max(...opens.map((o) => o.wallMs));
console.log(
  `report of ${size} beneficiaries: ${results.counts.violations} violations, ` +
    `${results.findings.length ? new Set(results.findings.map((f) => f.viewer)).size : 0} ` +
    'viewers affected',
);
console.log(`  render:   ${renderMs.toFixed(0)} ms`);
console.log(`  size:     ${(bytes / 1024 / 1024).toFixed(2)} MB (${bytes} bytes; limit 5 MB)`);
console.log(
  `  open:     median ${median((o) => o.wallMs).toFixed(0)} ms to the load event, worst ` +
    `${worst.toFixed(0)} ms of ${OPENS} (limit 2,000 ms)`,
);
console.log(
  `  browser:  median load event at ${median((o) => o.loadMs).toFixed(0)} ms, ` +
    `first contentful paint at ${median((o) => o.paintMs).toFixed(0)} ms`,
);
const ok = bytes < 5 * 1024 * 1024 && worst < 2000;
console.log(ok ? '  within both limits' : '  OVER A LIMIT');
process.exitCode = ok ? 0 : 1;
