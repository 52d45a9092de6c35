import { describe, expect, it } from 'vitest';
import type { Results } from '../reporting/results.ts';
import { renderReport } from './render-report.ts';

/** The 2018 slice behind a crosswalk guard: the second twin's login fails instead of leaking. */
const LOCKED_OUT: Results = {
  schemaVersion: 1,
  verdict: 'findings',
  settings: {
    target: 'reference',
    defect: 'truncate-uuid-96-guarded',
    seed: 1,
    population: 0,
    scheme: 'uuid-v1',
    reportDir: 'reports/latest',
  },
  startedAt: '2026-12-03T17:00:00.000Z',
  durationMs: 21_000,
  counts: { scenarios: 1, beneficiaries: 2, logins: 2, requests: 30, violations: 0, lockOuts: 1 },
  scenarios: [
    {
      scenario: 'twins',
      driver: 'protocol',
      beneficiaries: 2,
      logins: 2,
      requests: 30,
      project: 'protocol',
      status: 'failed',
      durationMs: 20_000,
      findings: 1,
    },
  ],
  findings: [
    {
      kind: 'lock-out',
      viewer: 'bene-0002',
      viewerSub: '245c0020-ea14-11f0-bfda-6b03f7e67fd0',
      app: 'app-2',
      url: 'http://127.0.0.1:41234/v2/o/authorize/callback?code=abc',
      status: 500,
      title: 'Server Error',
      excerpt: 'Server Error: the crosswalk for this user names another patient',
      appError: 'server_error',
      scenario: 'twins',
    },
  ],
  accounts: [
    {
      beneficiary: 'bene-0001',
      sub: '0098ba20-ea14-11f0-bfda-6b03f7e67fd0',
      createdAt: '2026-01-05T08:53:27.874Z',
      scenario: 'twins',
    },
    {
      beneficiary: 'bene-0002',
      sub: '245c0020-ea14-11f0-bfda-6b03f7e67fd0',
      createdAt: '2026-01-05T08:54:27.874Z',
      scenario: 'twins',
    },
  ],
  errors: [],
  logins: [
    { beneficiary: 'bene-0001', app: 'app-1', outcome: 'connected', scenario: 'twins' },
    { beneficiary: 'bene-0002', app: 'app-2', outcome: 'failed', scenario: 'twins' },
  ],
};

/** The page as text, tags dropped and spaces squeezed, for sentences a reader sees. */
function words(page: string): string {
  return page
    .replace(/<style>[^]*?<\/style>/, '')
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ');
}

describe('the evidence of a lock-out', () => {
  const page = renderReport(LOCKED_OUT);

  it('says who was locked out, where, and what the app was told', () => {
    expect(words(page)).toContain(
      'bene-0002 logged in through app-2 and ended on HTTP 500 “Server Error” at ' +
        '/v2/o/authorize/callback?code=abc; the app was told server_error.',
    );
    expect(words(page)).toContain('bene-0002 was locked out through app-2');
    expect(words(page)).toContain('1 beneficiary was locked out, in 1 incident.');
    expect(words(page)).toContain("The identity system created bene-0002's account at 2026-01-05");
  });

  it('marks the cell locked out and, with logins recorded, the other login clean', () => {
    expect(page).toContain('<td class="cell locked-out">locked out: 500 Server Error</td>');
    expect(page).toContain('<td class="cell clean">logged in (connected)</td>');
    expect(page).toContain('<td class="cell unused">did not use this app</td>');
  });
});
