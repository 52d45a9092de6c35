import type { Diagnosis } from '../reporting/results.ts';
import { html, type SafeHtml } from './html.ts';

/**
 * The sensitivity probe's result drawn over the characters of the id: one box per character,
 * struck where changing that character went unnoticed by the target; then every other pair of
 * subjects it compared (JSON-quoted, so a space around one shows) and what the target did.
 */
export function renderDiagnosisMap(diagnosis: Diagnosis): SafeHtml {
  const ignored = new Set(diagnosis.ignored);
  return html`<section id="diagnosis">
    <h2>Diagnosis: ${diagnosis.transform}</h2>
    <p>${diagnosis.summary}</p>
    <div class="idmap" role="img" aria-label="${diagnosis.summary}">
      ${[...diagnosis.sub].map(
        (char, i) =>
          html`<span class="${ignored.has(i) ? 'ignored' : 'kept'}" title="position ${i}"
            ><b>${char}</b><small>${i}</small></span
          >`,
      )}
    </div>
    <p class="legends">
      <span class="legend"><i class="idkey ignored"></i>changing it went unnoticed</span>
      <span class="legend"><i class="idkey kept"></i>the target told the accounts apart</span>
    </p>
    ${
      diagnosis.differences?.length
        ? html`<table class="differences">
            <thead>
              <tr>
                <th>difference</th>
                <th>subjects, logged in in this order</th>
                <th>target</th>
              </tr>
            </thead>
            <tbody>
              ${diagnosis.differences.map(
                (d) =>
                  html`<tr>
                    <td>${d.difference}</td>
                    <td class="subs">
                      ${d.subs ? d.subs.map((sub) => html`<code>${JSON.stringify(sub)}</code> `) : ''}
                    </td>
                    <td class="${d.ignored ? 'bad' : 'good'}">
                      ${d.ignored ? 'ignored it' : 'noticed it'}
                    </td>
                  </tr>`,
              )}
            </tbody>
          </table>`
        : ''
    }
  </section>`;
}
