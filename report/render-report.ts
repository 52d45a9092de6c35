import { gzipSync } from 'node:zlib';
import type { Results } from '../reporting/results.ts';
import { findingTitle } from '../reporting/finding-title.ts';
import { renderCollisionChart } from './collision-chart.ts';
import { renderDiagnosisMap } from './diagnosis-map.ts';
import { html, raw, type SafeHtml } from './html.ts';
import { renderIncidentEvidence, type IncidentMedia } from './incident-evidence.ts';
import { groupIncidents, type Incident } from './incidents.ts';
import { outcomeMatrices, renderOutcomeMatrix } from './outcome-matrix.ts';
import { REPORT_LINKS } from './report-links.ts';
import { REPORT_STYLES } from './report-styles.ts';
import { renderRunSection } from './run-section.ts';
import { formatDuration, plural } from './words.ts';

/** Incidents past this many start folded, so a large run's report opens quickly. */
const OPEN_INCIDENTS_MAX = 50;

export interface RenderOptions {
  /** Screenshot paths (as in `scenarios[].screenshots`) to `data:` URIs; missing ones are skipped. */
  images?: ReadonlyMap<string, string>;
}

/** The isolation report: one self-contained HTML page rendered from results.json alone. */
export function renderReport(results: Results, options: RenderOptions = {}): string {
  const incidents = groupIncidents(results);
  const page = html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>twinsub ${results.verdict}: ${headline(results)}</title>
        <style>
          ${raw(REPORT_STYLES)}
        </style>
      </head>
      <body>
        <main>
          <h1>twinsub isolation report</h1>
          ${verdictSection(results, incidents)}
          <nav class="links">
            <a href="${REPORT_LINKS.playwright}">Playwright report</a>
            <a href="${REPORT_LINKS.results}">results.json</a>
            <a href="${REPORT_LINKS.junit}">junit.xml</a>
          </nav>
          ${errorsSection(results)}
          <section id="matrix">
            <h2>Beneficiaries by apps</h2>
            ${outcomeMatrices(results).map(renderOutcomeMatrix)}
          </section>
          ${results.diagnosis ? renderDiagnosisMap(results.diagnosis) : ''}
          ${
            results.collisions?.length
              ? html`<section id="collisions">
                  <h2>Expected and observed collisions</h2>
                  ${results.collisions.map(renderCollisionChart)}
                </section>`
              : ''
          }
          ${findingsSection(results, incidents, options)} ${renderRunSection(results)}
        </main>
      </body>
    </html>`;
  return `${page.toString().trim()}\n`;
}

function headline(results: Results): string {
  const { counts } = results;
  if (results.verdict === 'clean') return "no beneficiary or app received anyone else's data";
  if (results.verdict === 'findings') {
    return `${plural(counts.violations, 'violation')}, ${plural(counts.lockOuts, 'lock-out')}`;
  }
  return 'twinsub could not finish the run';
}

function verdictSection(results: Results, incidents: Incident[]): SafeHtml {
  const { counts } = results;
  const affected = (kind: Incident['kind']) =>
    new Set(incidents.filter((i) => i.kind === kind).map((i) => `${i.scenario}/${i.viewer}`)).size;
  const received = affected('violation');
  const lockedOut = affected('lock-out');
  const who = [
    ...(received
      ? [`${plural(received, 'beneficiary', 'beneficiaries')} received someone else's data`]
      : []),
    ...(lockedOut
      ? [`${plural(lockedOut, 'beneficiary was', 'beneficiaries were')} locked out`]
      : []),
  ];
  const sentence =
    results.verdict === 'findings'
      ? `${who.join(' and ')}, in ${plural(incidents.length, 'incident')}.`
      : results.verdict === 'clean'
        ? `Every one of ${plural(counts.logins, 'login')} saw only its own beneficiary's data.`
        : `${plural(results.errors.length, 'error')}: the verdict below is incomplete.`;
  const item = (label: string, value: number, bad = false) =>
    html`<li class="${bad && value > 0 ? 'bad' : ''}" data-count="${label}">
      <b>${value}</b>${label}
    </li>`;
  return html`<section class="verdict ${results.verdict}" id="verdict">
      <p class="headline">${results.verdict.toUpperCase()}: ${headline(results)}</p>
      <p>${sentence} Run took ${formatDuration(results.durationMs)}.</p>
    </section>
    <ul class="counts">
      ${item('scenarios', counts.scenarios)} ${item('beneficiaries', counts.beneficiaries)}
      ${item('logins', counts.logins)} ${item('requests', counts.requests)}
      ${item('violations', counts.violations, true)} ${item('lock-outs', counts.lockOuts, true)}
      ${item('incidents', incidents.length, true)}
    </ul>`;
}

function errorsSection(results: Results): SafeHtml | '' {
  if (results.errors.length === 0) return '';
  return html`<section id="errors">
    <h2>Why the run did not finish</h2>
    <ul class="errors">
      ${results.errors.map((e) => html`<li>${e}</li>`)}
    </ul>
  </section>`;
}

function findingsSection(
  results: Results,
  incidents: Incident[],
  options: RenderOptions,
): SafeHtml {
  const folded: string[] = [];
  if (incidents.length === 0) {
    return html`<section id="findings">
      <h2>Findings</h2>
      <p>None: no violation and no lock-out.</p>
    </section>`;
  }
  return html`<section id="findings">
      <h2>Findings: ${plural(incidents.length, 'incident')}</h2>
      <p class="note">
        An incident is one viewer, one app and one owner; it lists every answer that carried the
        owner's data.
        ${
          incidents.length > OPEN_INCIDENTS_MAX
            ? `Incidents after the first ${OPEN_INCIDENTS_MAX} show their evidence when opened.`
            : ''
        }
      </p>
      ${incidents.map((incident, i) => {
        const evidence = renderIncidentEvidence(incident, mediaFor(results, incident, options));
        const title = html`<summary>
          ${findingTitle(incident.findings[0]!)}
          <span class="where">${incident.scenario}</span>
        </summary>`;
        if (i < OPEN_INCIDENTS_MAX) {
          return html`<details class="incident ${incident.kind}" id="${incident.id}" open>
            ${title} ${evidence}
          </details>`;
        }
        folded.push(evidence.toString());
        return html`<details
          class="incident ${incident.kind}"
          id="${incident.id}"
          data-folded="${folded.length - 1}"
        >
          ${title}
        </details>`;
      })}
    </section>
    ${folded.length ? foldedEvidence(folded) : ''}`;
}

/**
 * The evidence of folded incidents, gzipped and base64-encoded in one script element, unpacked by
 * the browser's own DecompressionStream when an incident is opened. Evidence repeats itself from
 * incident to incident, so a 1,000-beneficiary report shrinks from about 4 MB to under one, and
 * the browser no longer builds the elements of a thousand incidents before showing the page.
 */
function foldedEvidence(folded: string[]): SafeHtml {
  const packed = gzipSync(JSON.stringify(folded), { level: 9 }).toString('base64');
  return html`<script type="application/gzip" id="folded-evidence">
      ${packed}
    </script>
    <script>
      ${raw(UNFOLD_SCRIPT)};
    </script>`;
}

const UNFOLD_SCRIPT = `
let folded;
async function unpack() {
  const text = document.getElementById('folded-evidence').textContent.trim();
  const bytes = Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).json();
}
document.addEventListener('toggle', async (event) => {
  const details = event.target;
  if (!(details instanceof HTMLDetailsElement) || !details.open) return;
  const index = details.getAttribute('data-folded');
  if (index === null) return;
  details.removeAttribute('data-folded');
  folded ??= unpack();
  details.insertAdjacentHTML('beforeend', (await folded)[Number(index)]);
}, true);
`;

function mediaFor(results: Results, incident: Incident, options: RenderOptions): IncidentMedia {
  const runs = results.scenarios.filter((s) => s.scenario === incident.scenario);
  const name = `last page of ${incident.viewer}-${incident.app}`;
  const shot = runs.flatMap((s) => s.screenshots ?? []).find((s) => s.name === name);
  const run = runs.find((s) => s.trace) ?? runs[0];
  return {
    screenshot: shot ? options.images?.get(shot.path) : undefined,
    trace: run?.trace,
    playwrightTest: run?.testId ? `${REPORT_LINKS.playwright}#?testId=${run.testId}` : undefined,
  };
}
