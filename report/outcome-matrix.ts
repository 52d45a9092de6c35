import type { Results } from '../reporting/results.ts';
import { html, type SafeHtml } from './html.ts';
import { plural } from './words.ts';

/** What happened to one beneficiary at one app, worst first. */
export type CellOutcome = 'locked-out' | 'received' | 'exposed' | 'clean' | 'unused' | 'unknown';

const LABELS: Record<CellOutcome, string> = {
  'locked-out': 'locked out',
  received: "received someone else's data",
  exposed: 'own data sent to someone else',
  clean: 'logged in, saw only own data',
  unused: 'did not use this app',
  unknown: 'no finding',
};

const RANK: CellOutcome[] = ['locked-out', 'received', 'exposed', 'clean', 'unused', 'unknown'];

/** Above this many beneficiaries a scenario's matrix folds into rows of small squares. */
const NAMED_ROWS_MAX = 12;
const SQUARES_PER_ROW = 50;

/** One scenario's beneficiaries by apps, each cell the worst outcome there. */
export interface OutcomeMatrix {
  scenario: string;
  beneficiaries: string[];
  apps: string[];
  cells: Map<string, { outcome: CellOutcome; note: string }>;
  /** False when results.json has no `logins`: cells without a finding are `unknown`. */
  loginsKnown: boolean;
}

/** Builds a matrix per scenario from the accounts, logins and findings of results.json. */
export function outcomeMatrices(results: Results): OutcomeMatrix[] {
  const scenarios = [...new Set(results.accounts.map((a) => a.scenario))];
  return scenarios.map((scenario) => {
    const beneficiaries = results.accounts
      .filter((a) => a.scenario === scenario)
      .map((a) => a.beneficiary);
    const logins = results.logins?.filter((l) => l.scenario === scenario);
    const findings = results.findings.filter((f) => f.scenario === scenario);
    const apps = [
      ...new Set([...(logins ?? []).map((l) => l.app), ...findings.map((f) => f.app)]),
    ].sort();
    const cells = new Map<string, { outcome: CellOutcome; note: string }>();
    const mark = (beneficiary: string, app: string, outcome: CellOutcome, note: string) => {
      const key = `${beneficiary}\u0000${app}`;
      const known = cells.get(key);
      if (known && RANK.indexOf(known.outcome) <= RANK.indexOf(outcome)) return;
      cells.set(key, { outcome, note });
    };

    for (const login of logins ?? []) {
      mark(login.beneficiary, login.app, 'clean', `logged in (${login.outcome})`);
    }
    for (const f of findings) {
      if (f.kind === 'lock-out') {
        mark(f.viewer, f.app, 'locked-out', `locked out: ${f.status} ${f.title}`);
        continue;
      }
      mark(f.viewer, f.app, 'received', `received ${f.owner}'s data`);
      mark(f.owner, f.app, 'exposed', `data sent to ${f.viewer}`);
    }
    return { scenario, beneficiaries, apps, cells, loginsKnown: logins !== undefined };
  });
}

export function cellOf(matrix: OutcomeMatrix, beneficiary: string, app: string) {
  const cell = matrix.cells.get(`${beneficiary}\u0000${app}`);
  if (cell) return cell;
  return matrix.loginsKnown
    ? { outcome: 'unused' as const, note: LABELS.unused }
    : { outcome: 'unknown' as const, note: LABELS.unknown };
}

/** The matrix as a table (few beneficiaries) or as rows of coloured squares (many). */
export function renderOutcomeMatrix(matrix: OutcomeMatrix): SafeHtml {
  const apps = matrix.apps.length ? matrix.apps : ['any app'];
  const shown = matrix.loginsKnown
    ? RANK.filter((o) => o !== 'unknown')
    : RANK.filter((o) => o !== 'clean' && o !== 'unused');
  const legend = shown.map(
    (o) => html`<span class="legend"><i class="cell ${o}"></i>${LABELS[o]}</span>`,
  );
  const note = matrix.loginsKnown
    ? ''
    : html`<p class="note">
        This results.json does not record which app each beneficiary used, so a cell without a
        finding reads “no finding” rather than “clean”.
      </p>`;
  const body =
    matrix.beneficiaries.length <= NAMED_ROWS_MAX
      ? namedTable(matrix, apps)
      : foldedSquares(matrix, apps);
  return html`<div class="matrix" data-scenario="${matrix.scenario}">
    <h3>
      ${matrix.scenario}: ${plural(matrix.beneficiaries.length, 'beneficiary', 'beneficiaries')} ×
      ${plural(apps.length, 'app')}
    </h3>
    <p class="legends">${legend}</p>
    ${note} ${body}
  </div>`;
}

function namedTable(matrix: OutcomeMatrix, apps: string[]): SafeHtml {
  return html`<table class="named">
    <thead>
      <tr>
        <th>beneficiary</th>
        ${apps.map((app) => html`<th>${app}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${matrix.beneficiaries.map(
        (bene) =>
          html`<tr>
            <th>${bene}</th>
            ${apps.map((app) => {
              const cell = cellOf(matrix, bene, app);
              return html`<td class="cell ${cell.outcome}">${cell.note}</td>`;
            })}
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/** A 1,000-beneficiary matrix as a named table would be metres long; squares keep it on a screen. */
function foldedSquares(matrix: OutcomeMatrix, apps: string[]): SafeHtml {
  const blocks: string[][] = [];
  for (let i = 0; i < matrix.beneficiaries.length; i += SQUARES_PER_ROW) {
    blocks.push(matrix.beneficiaries.slice(i, i + SQUARES_PER_ROW));
  }
  return html`<table class="folded">
    ${blocks.map((block) =>
      apps.map(
        (app, row) =>
          html`<tr>
            <th>${row === 0 ? `${block[0]} – ${block.at(-1)}` : ''}</th>
            <th>${app}</th>
            <td>
              ${block.map((bene) => {
                const cell = cellOf(matrix, bene, app);
                return html`<i
                  class="cell ${cell.outcome}"
                  title="${bene} · ${app}: ${cell.note}"
                ></i>`;
              })}
            </td>
          </tr>`,
      ),
    )}
  </table>`;
}
