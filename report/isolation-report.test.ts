import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, findBrowser } from '../drivers/find-browser.ts';
import { findingTitle, pathOf } from '../reporting/finding-title.ts';
import type { Results } from '../reporting/results.ts';
import { renderReport } from './render-report.ts';
import { syntheticResults } from '../reporting/testdata/synthetic-results.ts';
import { renderReportFor } from './write-report.ts';

// Recorded from real runs (see reporting/testdata/README.md), so these tests need no world.
const TESTDATA = new URL('../reporting/testdata/', import.meta.url).pathname;
const load = (name: string) =>
  JSON.parse(readFileSync(join(TESTDATA, name, 'results.json'), 'utf8')) as Results;

let browser: Browser;
let dir: string;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: findBrowser(), args: CHROMIUM_ARGS });
  dir = mkdtempSync(join(tmpdir(), 'twinsub-report-'));
});

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function open(name: string, html: string): Promise<Page> {
  const file = join(dir, `${name}.html`);
  writeFileSync(file, html);
  const page = await browser.newPage();
  await page.goto(pathToFileURL(file).href);
  return page;
}

async function counts(page: Page): Promise<Record<string, string>> {
  return page.$$eval('.counts li', (items) =>
    Object.fromEntries(
      items.map((li) => [li.getAttribute('data-count'), li.querySelector('b')?.textContent]),
    ),
  );
}

describe('the isolation report of a leaking run', () => {
  const results = load('leaking');
  let page: Page;
  beforeAll(async () => {
    page = await open('leaking', renderReportFor(results, join(TESTDATA, 'leaking')));
  });

  it('opens with the verdict and the counts', async () => {
    expect(await page.textContent('#verdict .headline')).toBe(
      'FINDINGS: 42 violations, 0 lock-outs',
    );
    expect(await page.title()).toBe('twinsub findings: 42 violations, 0 lock-outs');
    expect(await counts(page)).toEqual({
      scenarios: '2',
      beneficiaries: '32',
      logins: '32',
      requests: '752',
      violations: '42',
      'lock-outs': '0',
      incidents: '3',
    });
  });

  it('shows each incident under the name of who saw whose data', async () => {
    expect(
      await page.$$eval('.incident summary', (s) =>
        s.map((e) => e.firstChild?.textContent?.trim()),
      ),
    ).toEqual([
      "bene-0002 received bene-0001's data through app-2",
      "bene-0007 received bene-0006's data through app-1",
      "bene-0014 received bene-0013's data through app-2",
    ]);
  });

  it("puts every finding's evidence on the page: subjects, answer, marker and excerpt", async () => {
    const incidents = await page.$$eval('.incident', (els) =>
      els.map((e) => ({
        title: e.querySelector('summary')?.textContent ?? '',
        text: e.textContent ?? '',
      })),
    );
    for (const finding of results.findings) {
      if (finding.kind !== 'violation') throw new Error('the fixture holds violations only');
      const incident = incidents.find((i) => i.title.includes(findingTitle(finding)));
      expect(incident, findingTitle(finding)).toBeDefined();
      for (const evidence of [
        finding.viewerSub,
        finding.ownerSub,
        pathOf(finding.url),
        finding.marker,
        finding.excerpt,
      ]) {
        expect(incident!.text).toContain(evidence);
      }
    }
  });

  it('highlights the characters where the twins’ subjects differ', async () => {
    const marks = await page.$$eval('#incident-1 .subjects mark', (m) =>
      m.map((e) => e.textContent),
    );
    expect(marks).toEqual(['0098ba', '245c00']);
    expect(await page.textContent('#incident-1 .subjects + p')).toContain(
      'The subjects differ only in characters 0-5 (highlighted).',
    );
  });

  it('says when each account was created and how far apart', async () => {
    expect(await page.textContent('#incident-1 .chain > li:first-child p')).toMatch(
      /bene-0001's account at 2026-01-05 08:53:27\.874 UTC and\s+bene-0002's account at 2026-01-05 08:54:27\.874 UTC, 1 min 0 s after bene-0001's\./,
    );
  });

  it('colours the matrix cells of the viewer and the owner', async () => {
    const cells = await page.$$eval('.matrix[data-scenario="twins"] td.cell', (tds) =>
      tds.map((td) => `${td.className}: ${td.textContent}`),
    );
    expect(cells).toEqual([
      'cell exposed: data sent to bene-0002',
      "cell received: received bene-0001's data",
    ]);
  });

  it('gives the command that repeats the run, and links Playwright’s report', async () => {
    expect(await page.textContent('pre.command')).toBe(results.reproduce![0]);
    expect(await page.getAttribute('nav.links a', 'href')).toBe('playwright/index.html');
    expect(await page.$$eval('.scenarios a', (a) => a.map((e) => e.getAttribute('href')))).toEqual(
      results.scenarios.map((s) => `playwright/index.html#?testId=${s.testId}`),
    );
  });
});

describe('the isolation report of a leaking browser run', () => {
  it('shows the screenshot of the page the viewer saw and links the trace', async () => {
    const results = load('browser-leaking');
    const page = await open('browser', renderReportFor(results, join(TESTDATA, 'browser-leaking')));
    const image = page.locator('#incident-1 figure img');
    expect(await image.getAttribute('alt')).toBe('last page bene-0002 saw through app-2');
    expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1280);
    expect(await page.getAttribute('#incident-1 a[href$="trace.zip"]', 'href')).toBe(
      results.scenarios[0]!.trace,
    );
  });
});

describe('the isolation report of a clean run', () => {
  it('says clean, with zero violations and no incident', async () => {
    const page = await open('clean', renderReportFor(load('clean'), join(TESTDATA, 'clean')));
    expect(await page.textContent('#verdict .headline')).toBe(
      "CLEAN: no beneficiary or app received anyone else's data",
    );
    expect(await counts(page)).toEqual({
      scenarios: '2',
      beneficiaries: '14',
      logins: '14',
      requests: '330',
      violations: '0',
      'lock-outs': '0',
      incidents: '0',
    });
    expect(await page.textContent('#findings p')).toBe('None: no violation and no lock-out.');
    expect(await page.locator('.incident').count()).toBe(0);
  });
});

describe('what a target returned is shown as text, never run', () => {
  it('escapes markup in excerpts, titles and settings', async () => {
    const results = load('leaking');
    const hostile = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>';
    const changed: Results = {
      ...results,
      settings: { ...results.settings, defect: hostile },
      findings: results.findings.map((f) => ({ ...f, excerpt: `${hostile}${f.excerpt}` })),
    };
    const page = await open('hostile', renderReport(changed));
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBe(
      undefined,
    );
    expect(await page.locator('.incident script, .incident img, .settings img').count()).toBe(0);
    expect(await page.textContent('#incident-1 code.excerpt')).toContain(hostile);
  });
});

describe('sections that wait for data from other parts', () => {
  it('draws the diagnosis over the characters of the id and the collision chart', async () => {
    const results: Results = {
      ...load('leaking'),
      diagnosis: {
        scenario: 'probe',
        transform: 'slice(9, 36)',
        summary: 'positions 0-8 ignored: the target keeps characters 9..36',
        sub: '0098ba20-ea14-11f0-bfda-6b03f7e67fd0',
        ignored: [0, 1, 2, 3, 4, 5, 6, 7, 8],
        differences: [
          { difference: 'upper case', ignored: false },
          {
            difference: 'a space after',
            ignored: true,
            subs: ['0098ba20-ea14-11f0-bfda-6b03f7e67fd0', '0098ba20-ea14-11f0-bfda-6b03f7e67fd0 '],
          },
        ],
      },
      collisions: [
        {
          scheme: 'uuid-v1',
          transform: 'slice(9, 36)',
          points: [
            { population: 100, expected: 11.2, observed: 12 },
            { population: 200, expected: 45.1, observed: 43 },
          ],
        },
      ],
    };
    const page = await open('sections', renderReport(results));
    expect(await page.textContent('#diagnosis h2')).toBe('Diagnosis: slice(9, 36)');
    expect(
      await page.$$eval('.idmap .ignored b', (b) => b.map((e) => e.textContent).join('')),
    ).toBe('0098ba20-');
    expect(
      await page.$$eval('#diagnosis .differences tbody tr', (rows) =>
        rows.map((row) => Array.from(row.children, (cell) => cell.textContent!.trim())),
      ),
    ).toEqual([
      ['upper case', '', 'noticed it'],
      [
        'a space after',
        '"0098ba20-ea14-11f0-bfda-6b03f7e67fd0" "0098ba20-ea14-11f0-bfda-6b03f7e67fd0 "',
        'ignored it',
      ],
    ]);
    expect(await page.locator('#collisions circle').count()).toBe(2);
  });

  it('leaves them out when results.json has no such data', async () => {
    const page = await open('no-sections', renderReport(load('clean')));
    expect(await page.locator('#diagnosis, #collisions').count()).toBe(0);
  });
});

describe('the isolation report of a large run', () => {
  it('unpacks a folded incident’s evidence when it is opened', async () => {
    const results = syntheticResults(300);
    const page = await open('large', renderReport(results));
    expect(await page.locator('details.incident').count()).toBe(144);
    expect(await page.locator('details.incident[open]').count()).toBe(50);

    const folded = page.locator('#incident-60');
    expect(await folded.locator('.chain').count()).toBe(0);
    await folded.locator('summary').click();
    await folded.locator('.chain').waitFor();
    const title = (await folded.locator('summary').textContent())!;
    const finding = results.findings.find((f) => title.includes(findingTitle(f)))!;
    expect(finding.kind).toBe('violation');
    if (finding.kind !== 'violation') return;
    const text = (await folded.textContent())!;
    for (const evidence of [finding.viewerSub, finding.ownerSub, finding.marker, finding.excerpt]) {
      expect(text).toContain(evidence);
    }
  });
});
