import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { TwinsubError } from '../core/twinsub-error.ts';
import { DEFECTS } from '../target/user-key.ts';
import { runMatrixRow, type MatrixRow } from './matrix-run.ts';

/** Options of `twinsub matrix` as commander hands them over: strings, unchecked. */
export interface RawMatrixOptions {
  defect: string[];
  seed: string;
  population: string;
  diagnose: boolean;
  out: string;
}

/**
 * `twinsub matrix`: the default suite against every chosen defect and `none`, printed as a table
 * and written as JSON. Returns the exit code: 0 when `none` is clean and every defect detected.
 */
export async function runMatrix(raw: RawMatrixOptions): Promise<number> {
  const problems: string[] = [];
  for (const name of raw.defect) {
    if (!(DEFECTS as readonly string[]).includes(name)) {
      problems.push(`--defect must be one of ${DEFECTS.join(', ')} (got '${name}')`);
    }
  }
  const seed = whole(problems, 'seed', raw.seed, 2 ** 31 - 1);
  const population = whole(problems, 'population', raw.population, 10_000);
  if (problems.length > 0) throw new TwinsubError('INVALID_OPTION', problems.join('\n'));

  const rows: MatrixRow[] = [];
  for (const defect of [...new Set(raw.defect)]) {
    const row = await runMatrixRow(defect, { seed, population, diagnose: raw.diagnose });
    rows.push(row);
    console.log(line(row));
  }
  const out = resolve(raw.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ seed, population, rows }, null, 2)}\n`);
  console.log(`\n${table(rows)}\n\nmatrix: ${out}`);
  return rows.every((row) => row.pass) ? 0 : 1;
}

function whole(problems: string[], option: string, value: string, max: number): number {
  const n = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (Number.isSafeInteger(n) && n <= max) return n;
  problems.push(`--${option} must be a whole number from 0 to ${max} (got '${value}')`);
  return 0;
}

function line(row: MatrixRow): string {
  const when = row.msToDetection === null ? '' : ` in ${(row.msToDetection / 1000).toFixed(1)} s`;
  return `${row.pass ? 'ok  ' : 'FAIL'} ${row.defect}: ${row.detectedAs}${
    row.caughtBy ? ` by ${row.caughtBy}` : ''
  }${when}`;
}

/** A Markdown table, so the printed matrix pastes into an issue as it is. */
function table(rows: MatrixRow[]): string {
  const head = ['defect', 'detected as', 'first caught by', 'time to detection', 'diagnosis'];
  const body = rows.map((r) => [
    r.defect,
    r.defect === 'none' && r.detectedAs === 'missed' ? 'nothing (clean)' : r.detectedAs,
    r.caughtBy ?? '-',
    r.msToDetection === null ? '-' : `${(r.msToDetection / 1000).toFixed(1)} s`,
    r.diagnosis ?? '-',
  ]);
  return [head, head.map(() => '---'), ...body]
    .map((cells) => `| ${cells.join(' | ')} |`)
    .join('\n');
}
