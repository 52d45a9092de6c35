import type { LockOut, Violation } from '../oracle/finding.ts';
import { pathOf } from '../reporting/finding-title.ts';
import { html, type SafeHtml } from './html.ts';
import type { Incident } from './incidents.ts';
import { describeRanges, diffSubjects, type SubjectSegment } from './subject-diff.ts';
import { formatDuration, formatTime, plural } from './words.ts';

type Account = NonNullable<Incident['viewerAccount']>;

/** What a browser login left behind for this incident, when it was a browser login. */
export interface IncidentMedia {
  /** `data:image/png;base64,...` of the viewer's last page. */
  screenshot?: string;
  /** Relative link to the Playwright trace, and to the scenario in Playwright's report. */
  trace?: string;
  playwrightTest?: string;
}

const CHANNEL_WORDS: Record<Violation['channel'], string> = {
  token: 'token response',
  refresh: 'refreshed token',
  userinfo: 'userinfo',
  resource: 'FHIR resource',
};

/** The evidence chain of one incident in plain words, from the accounts to the leaked answer. */
export function renderIncidentEvidence(incident: Incident, media: IncidentMedia): SafeHtml {
  return incident.kind === 'violation'
    ? html`<ol class="chain">
        <li>${accountsStep(incident.viewerAccount, incident.ownerAccount, incident)}</li>
        <li>${subjectsStep(incident)}</li>
        <li>${returnedStep(incident)}</li>
        ${mediaStep(media, incident)}
      </ol>`
    : html`<ol class="chain">
        <li>${accountsStep(incident.viewerAccount, undefined, incident)}</li>
        <li>${lockOutStep(incident.viewer, incident.app, incident.findings)}</li>
        ${mediaStep(media, incident)}
      </ol>`;
}

function accountsStep(
  viewer: Account | undefined,
  owner: Account | undefined,
  incident: Incident,
): SafeHtml {
  const created = (who: string, account: Account | undefined) =>
    account
      ? html`<b>${who}</b>'s account at <time>${formatTime(account.createdAt)}</time>`
      : html`no account for <b>${who}</b> in results.json`;
  if (incident.kind === 'lock-out') {
    return html`<h4>Account</h4>
      <p>The identity system created ${created(incident.viewer, viewer)}.</p>`;
  }
  const gap =
    viewer && owner ? Date.parse(viewer.createdAt) - Date.parse(owner.createdAt) : undefined;
  const apart =
    gap === undefined
      ? ''
      : html`, ${formatDuration(gap)} ${gap >= 0 ? 'after' : 'before'} ${incident.owner}'s`;
  return html`<h4>Accounts</h4>
    <p>
      The identity system created ${created(incident.owner, owner)} and
      ${created(incident.viewer, viewer)}${apart}.
    </p>`;
}

function subjectsStep(incident: Extract<Incident, { kind: 'violation' }>): SafeHtml {
  const { viewerSub, ownerSub, viewerIssuer, ownerIssuer } = incident.findings[0]!;
  const diff = diffSubjects(ownerSub, viewerSub);
  // The same sub at two issuers is two people: the issuers are then the evidence.
  const twoIssuers =
    viewerIssuer !== undefined && ownerIssuer !== undefined && viewerIssuer !== ownerIssuer;
  const at = (issuer: string | undefined) =>
    twoIssuers ? html` at <code class="issuer">${issuer}</code>` : html``;
  const sentence =
    diff.ranges.length === 0 && twoIssuers
      ? html`The two subjects are identical, but issued by two identity systems: only the pair
          (<code>iss</code>, <code>sub</code>) tells the two people apart, and a target that ignores
          the issuer treats them as one person.`
      : diff.ranges.length === 0
        ? html`The two subjects are identical: the identity system itself gave both people one
            <code>sub</code>.`
        : html`The subjects differ only in ${describeRanges(diff.ranges)} (highlighted). A target
          that ignores that part treats both beneficiaries as one person.`;
  return html`<h4>Subjects</h4>
    <table class="subjects">
      <tr>
        <th>${incident.owner} (owner)</th>
        <td><code class="sub">${segments(diff.left)}</code>${at(ownerIssuer)}</td>
      </tr>
      <tr>
        <th>${incident.viewer} (viewer)</th>
        <td><code class="sub">${segments(diff.right)}</code>${at(viewerIssuer)}</td>
      </tr>
    </table>
    <p>${sentence}</p>`;
}

function segments(parts: SubjectSegment[]): SafeHtml[] {
  return parts.map((part) => (part.differs ? html`<mark>${part.text}</mark>` : html`${part.text}`));
}

function returnedStep(incident: Extract<Incident, { kind: 'violation' }>): SafeHtml {
  const rows = distinct(incident.findings);
  const owner = incident.owner === 'unknown' ? 'a patient no beneficiary owns' : incident.owner;
  return html`<h4>What the target returned</h4>
    <p>
      <b>${incident.viewer}</b> logged in through <b>${incident.app}</b>; the target sent
      ${incident.app} ${owner}'s data in ${plural(incident.findings.length, 'answer')}:
    </p>
    <table class="answers">
      <thead>
        <tr>
          <th>answer</th>
          <th>request</th>
          <th>marker of ${incident.owner}</th>
          <th>markers</th>
          <th>where it appeared</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          ({ finding, times }) =>
            html`<tr>
              <td>${CHANNEL_WORDS[finding.channel]}${times > 1 ? html` <b>×${times}</b>` : ''}</td>
              <td><code>${pathOf(finding.url)}</code></td>
              <td>
                <code class="marker">${finding.marker}</code>
                <small>${finding.markerKind === 'canary' ? 'canary' : 'patient id'}</small>
              </td>
              <td class="n">${finding.count}</td>
              <td><code class="excerpt">${highlight(finding.excerpt, finding.marker)}</code></td>
            </tr>`,
        )}
      </tbody>
    </table>`;
}

function lockOutStep(viewer: string, app: string, findings: LockOut[]): SafeHtml {
  return html`<h4>What the person saw</h4>
    ${findings.map((f) => {
      const told = f.appError ? html`; the app was told <code>${f.appError}</code>` : '';
      return html`<p>
          <b>${viewer}</b> logged in through <b>${app}</b> and ended on HTTP
          <b>${f.status}</b> “${f.title}” at <code>${pathOf(f.url)}</code>${told}.
        </p>
        <p><code class="excerpt">${f.excerpt}</code></p>`;
    })}`;
}

function mediaStep(media: IncidentMedia, incident: Incident): SafeHtml | '' {
  if (!media.screenshot && !media.trace && !media.playwrightTest) return '';
  return html`<li>
    <h4>What Playwright kept</h4>
    ${
      media.screenshot
        ? html`<figure>
            <img
              src="${media.screenshot}"
              alt="last page ${incident.viewer} saw through ${incident.app}"
              loading="lazy"
            />
            <figcaption>The last page ${incident.viewer} saw through ${incident.app}.</figcaption>
          </figure>`
        : ''
    }
    <p>
      ${media.trace ? html`<a href="${media.trace}">Playwright trace</a> ` : ''}
      ${media.trace ? html`(<code>npx playwright show-trace ${media.trace}</code>) ` : ''}
      ${
        media.playwrightTest
          ? html`<a href="${media.playwrightTest}">this scenario in Playwright's report</a>`
          : ''
      }
    </p>
  </li>`;
}

/** Identical answers (an app fetching again after a refresh) shown once with a count. */
function distinct(findings: Violation[]): { finding: Violation; times: number }[] {
  const rows = new Map<string, { finding: Violation; times: number }>();
  for (const finding of findings) {
    const key = [finding.channel, finding.url, finding.marker, finding.excerpt].join('\u0000');
    const row = rows.get(key);
    if (row) row.times++;
    else rows.set(key, { finding, times: 1 });
  }
  return [...rows.values()];
}

function highlight(excerpt: string, marker: string): SafeHtml[] {
  const parts = excerpt.split(marker);
  return parts.map((part, i) => (i === 0 ? html`${part}` : html`<mark>${marker}</mark>${part}`));
}
