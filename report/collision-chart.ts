import type { CollisionSeries } from '../reporting/results.ts';
import { html, raw, type SafeHtml } from './html.ts';

const WIDTH = 520;
const HEIGHT = 260;
const PAD = { left: 56, right: 16, top: 16, bottom: 44 };

/**
 * Expected against observed colliding pairs by population size, as an inline SVG: a line for the
 * prediction, dots for what the run saw. Inline so the report still opens offline.
 */
export function renderCollisionChart(series: CollisionSeries): SafeHtml {
  const points = [...series.points].sort((a, b) => a.population - b.population);
  const maxX = Math.max(1, ...points.map((p) => p.population));
  const maxY = Math.max(1, ...points.flatMap((p) => [p.expected, p.observed]));
  const x = (v: number) => PAD.left + (v / maxX) * (WIDTH - PAD.left - PAD.right);
  const y = (v: number) => HEIGHT - PAD.bottom - (v / maxY) * (HEIGHT - PAD.top - PAD.bottom);
  const line = points.map((p) => `${x(p.population).toFixed(1)},${y(p.expected).toFixed(1)}`);

  return html`<figure class="chart">
    <svg viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img">
      <title>
        ${series.scheme} under ${series.transform}: expected and observed colliding pairs
      </title>
      <line x1="${PAD.left}" y1="${y(0)}" x2="${x(maxX)}" y2="${y(0)}" class="axis" />
      <line x1="${PAD.left}" y1="${y(0)}" x2="${PAD.left}" y2="${y(maxY)}" class="axis" />
      <text x="${PAD.left - 6}" y="${y(maxY) + 4}" text-anchor="end">${round(maxY)}</text>
      <text x="${PAD.left - 6}" y="${y(0) + 4}" text-anchor="end">0</text>
      <text x="${x(maxX)}" y="${HEIGHT - PAD.bottom + 16}" text-anchor="end">${maxX}</text>
      <text x="${(WIDTH + PAD.left) / 2}" y="${HEIGHT - 8}" text-anchor="middle">
        population size
      </text>
      <polyline points="${line.join(' ')}" class="expected" />
      ${points.map(
        (p) =>
          html`<circle cx="${x(p.population).toFixed(1)}" cy="${y(p.observed).toFixed(1)}" r="4"
            ><title>
              ${p.population} beneficiaries: ${p.observed} observed, ${round(p.expected)} expected
            </title></circle
          >`,
      )}
    </svg>
    <figcaption>
      Colliding pairs for ${series.scheme} under ${series.transform}:
      ${raw('<span class="expected-key"></span>')} expected,
      ${raw('<span class="observed-key"></span>')} observed.
    </figcaption>
  </figure>`;
}

function round(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
