import type { Results } from '../reporting/results.ts';
import { html, type SafeHtml } from './html.ts';
import { REPORT_LINKS } from './report-links.ts';
import { formatDuration } from './words.ts';

/** The run's settings, its scenarios, and the command that repeats it. */
export function renderRunSection(results: Results): SafeHtml {
  return html`<section id="run">
    <h2>The run</h2>
    <table class="settings">
      ${Object.entries(results.settings).map(
        ([name, value]) =>
          html`<tr>
            <th>${name}</th>
            <td><code>${value}</code></td>
          </tr>`,
      )}
      <tr>
        <th>started</th>
        <td>${results.startedAt}</td>
      </tr>
      <tr>
        <th>duration</th>
        <td>${formatDuration(results.durationMs)}</td>
      </tr>
    </table>
    <h3>Scenarios</h3>
    <table class="scenarios">
      <thead>
        <tr>
          <th>scenario</th>
          <th>driver</th>
          <th>status</th>
          <th>beneficiaries</th>
          <th>logins</th>
          <th>requests</th>
          <th>findings</th>
          <th>time</th>
        </tr>
      </thead>
      <tbody>
        ${results.scenarios.map(
          (s) =>
            html`<tr>
              <td>
                ${
                  s.testId
                    ? html`<a href="${REPORT_LINKS.playwright}#?testId=${s.testId}"
                        >${s.scenario}</a
                      >`
                    : s.scenario
                }
              </td>
              <td>${s.project}</td>
              <td>${s.status}</td>
              <td>${s.beneficiaries}</td>
              <td>${s.logins}</td>
              <td>${s.requests}</td>
              <td>${s.findings}</td>
              <td>${formatDuration(s.durationMs)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
    <h3>Reproduce</h3>
    ${
      results.reproduce?.length
        ? results.reproduce.map((command) => html`<pre class="command">${command}</pre>`)
        : html`<p class="note">
            This results.json predates recorded commands; repeat it with the settings above (seed
            <code>${results.settings.seed}</code>).
          </p>`
    }
  </section>`;
}
