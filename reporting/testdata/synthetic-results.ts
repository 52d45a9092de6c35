import type { Violation } from '../../oracle/finding.ts';
import type { Results } from '../results.ts';

/** Ticks of 100 ns in one UUID v1 `time_low` wrap: 2^32 x 100 ns, about 429.5 s. */
const WINDOW_MS = 2 ** 32 / 10_000;
const DAY_MS = 24 * 60 * 60 * 1000;
const APPS = ['app-1', 'app-2', 'app-3'];
/** What one leaked login looks like in a real run: the answers an app fetches, twice over. */
const ANSWERS: [Violation['channel'], string, Violation['markerKind']][] = [
  ['token', '/v2/o/token/', 'patient-id'],
  ['userinfo', '/v2/connect/userinfo', 'patient-id'],
  ['resource', '/v2/fhir/Patient/', 'canary'],
  ['resource', '/v2/fhir/Coverage/', 'canary'],
  ['resource', '/v2/fhir/ExplanationOfBenefit/?_count=4', 'canary'],
  ['resource', '/v2/fhir/ExplanationOfBenefit/?_count=4&patient={p}&startIndex=4', 'canary'],
  ['resource', '/v2/fhir/Patient/{p}', 'canary'],
  ['refresh', '/v2/o/token/', 'patient-id'],
];

/**
 * A results.json shaped like a population run of `size` beneficiaries against the 2018 slice:
 * accounts over one simulated day, every account after the first in a UUID v1 window given the
 * first one's data, each leak with the answers a real run records. For the report's size and
 * speed, where a real run of this size would take too long.
 */
export function syntheticResults(size: number, seed = 1): Results {
  let state = seed >>> 0 || 1;
  const random = () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return (state + 0.5) / 2 ** 32;
  };
  const start = Date.parse('2026-01-05T00:00:00.000Z');
  const accounts: Results['accounts'] = [];
  const logins: NonNullable<Results['logins']> = [];
  const findings: Results['findings'] = [];
  const firstInWindow = new Map<number, { key: string; sub: string; patient: string }>();
  let at = start;

  for (let i = 1; i <= size; i++) {
    at += Math.round(-Math.log(random()) * (DAY_MS / size));
    const key = `bene-${String(i).padStart(4, '0')}`;
    const sub = uuidV1At(at);
    const patient = `-2014000${String(100_000 + i * 7).padStart(7, '0')}`;
    const app = APPS[(i - 1) % APPS.length]!;
    accounts.push({
      beneficiary: key,
      sub,
      createdAt: new Date(at).toISOString(),
      scenario: 'population',
    });
    logins.push({ beneficiary: key, app, outcome: 'connected', scenario: 'population' });

    const window = Math.floor((at - Date.UTC(1582, 9, 15)) / WINDOW_MS);
    const first = firstInWindow.get(window);
    if (!first) {
      firstInWindow.set(window, { key, sub, patient });
      continue;
    }
    for (const round of [0, 1]) {
      for (const [channel, path, markerKind] of ANSWERS) {
        if (round === 1 && channel === 'token') continue;
        if (round === 0 && channel === 'refresh') continue;
        const marker =
          markerKind === 'patient-id'
            ? first.patient
            : `twinsub-canary-${first.key}-${path.length}`;
        findings.push({
          kind: 'violation',
          viewer: key,
          viewerSub: sub,
          owner: first.key,
          ownerSub: first.sub,
          app,
          channel,
          url: `http://127.0.0.1:40000${path.replace('{p}', first.patient)}`,
          marker,
          markerKind,
          count: markerKind === 'canary' ? 2 + (path.length % 7) : 1,
          excerpt: `…"tag":[{"system":"https://twinsub.invalid/fhir/canary","code":"${marker}"}]},"extension":[{"url":"https://bluebutton.cms.gov/resources/variables/race"…`,
          scenario: 'population',
        });
      }
    }
  }

  return {
    schemaVersion: 1,
    verdict: findings.length ? 'findings' : 'clean',
    settings: {
      target: 'reference',
      defect: 'truncate-uuid-96',
      seed,
      population: size,
      scheme: 'uuid-v1',
      reportDir: 'reports/synthetic',
    },
    startedAt: '2026-12-03T17:00:00.000Z',
    durationMs: size * 450,
    counts: {
      scenarios: 1,
      beneficiaries: size,
      logins: size,
      requests: size * 23,
      violations: findings.length,
      lockOuts: 0,
    },
    scenarios: [
      {
        scenario: 'population',
        driver: 'protocol',
        beneficiaries: size,
        logins: size,
        requests: size * 23,
        project: 'protocol',
        status: findings.length ? 'failed' : 'passed',
        durationMs: size * 440,
        findings: findings.length,
      },
    ],
    findings,
    accounts,
    errors: [],
    reproduce: [
      'npx twinsub run --target reference --defect truncate-uuid-96 --driver protocol ' +
        `--scenario population --population ${size} --seed ${seed} --scheme uuid-v1 ` +
        '--report-dir reports/synthetic',
    ],
    logins,
  };
}

/** A UUID v1 string for a time, with the node and clock sequence the simulator uses. */
function uuidV1At(ms: number): string {
  const ticks = BigInt(ms - Date.UTC(1582, 9, 15)) * 10_000n;
  const low = (ticks & 0xffffffffn).toString(16).padStart(8, '0');
  const mid = ((ticks >> 32n) & 0xffffn).toString(16).padStart(4, '0');
  const high = (((ticks >> 48n) & 0x0fffn) | 0x1000n).toString(16).padStart(4, '0');
  return `${low}-${mid}-${high}-bfda-6b03f7e67fd0`;
}
