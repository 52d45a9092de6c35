import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { makeDirectory } from '../core/make-directory.ts';
import { TwinsubError } from '../core/twinsub-error.ts';
import { writeAtomically } from '../reporting/write-atomically.ts';
import { DEFECTS, isDefect } from '../target/user-key.ts';
import { runMatrixRow, type MatrixRow } from './matrix-run.ts';

/** Options of `twinsub matrix` as commander hands them over: strings, unchecked. */
export interface RawMatrixOptions {
  defect: string[];
  seed: string;
  /** Seeds to run every defect with (`1-20`, `1,5,9`); replaces `seed`. */
  seeds?: string;
  population: string;
  diagnose: boolean;
  out: string;
}

const MAX_SEED = 2 ** 31 - 1;
const MAX_SEEDS = 1_000;

/**
 * `twinsub matrix`: the default suite against every chosen defect and `none`, under one seed or
 * several, printed as a table and written as JSON. Returns the exit code: 0 when `none` is clean
 * under every seed and every defect detected under every seed.
 */
export async function runMatrix(raw: RawMatrixOptions): Promise<number> {
  const problems: string[] = [];
  for (const name of raw.defect) {
    if (!isDefect(name)) {
      problems.push(`--defect must be one of ${DEFECTS.join(', ')} (got '${name}')`);
    }
  }
  const seed = whole(problems, 'seed', raw.seed, MAX_SEED);
  const seeds = raw.seeds === undefined ? [seed] : seedList(problems, raw.seeds);
  const population = whole(problems, 'population', raw.population, 10_000);
  const out = outFile(problems, raw.out);
  if (problems.length > 0) throw new TwinsubError('INVALID_OPTION', problems.join('\n'));

  const several = seeds.length > 1;
  const rows: MatrixRow[] = [];
  for (const defect of new Set(raw.defect.filter(isDefect))) {
    for (const s of seeds) {
      const row = await runMatrixRow(defect, { seed: s, population, diagnose: raw.diagnose });
      rows.push(row);
      console.log(line(row, several));
    }
  }
  writeAtomically(out, `${JSON.stringify({ seeds, population, rows }, null, 2)}\n`);
  console.log(`\n${table(rows, several)}\n`);
  if (several) for (const total of totals(rows, seeds.length)) console.log(total);
  console.log(`matrix: ${out}`);
  return rows.every((row) => row.pass) ? 0 : 1;
}

/**
 * The JSON's place, checked before the first row runs: a matrix takes minutes, and a path it
 * cannot write must not cost them. Its folder is made now.
 */
function outFile(problems: string[], value: string): string {
  const out = resolve(value);
  if (value.trim() === '') {
    problems.push("--out must name a file (got '')");
  } else if (existsSync(out) && statSync(out).isDirectory()) {
    problems.push(`--out must name a file, not a folder (got '${value}')`);
  } else {
    try {
      makeDirectory(dirname(out));
      accessSync(dirname(out), constants.W_OK);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? String(error);
      problems.push(`--out must be a file twinsub can write (got '${value}': ${reason})`);
    }
  }
  return out;
}

/**
 * Seeds from `--seeds`: whole numbers and inclusive ranges, comma-separated (`1-20`, `1,5,9-11`),
 * each seed once, in the order given.
 */
export function seedList(problems: string[], value: string): number[] {
  const seeds = new Set<number>();
  for (const part of value.split(',')) {
    const match = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
    const from = match ? Number(match[1]) : Number.NaN;
    const to = match?.[2] === undefined ? from : Number(match[2]);
    if (from <= to && to <= MAX_SEED && to - from >= MAX_SEEDS) {
      problems.push(`--seeds must name at most ${MAX_SEEDS} seeds (got '${part.trim()}')`);
      return [];
    }
    if (!(from <= to && to <= MAX_SEED)) {
      problems.push(
        `--seeds must be seeds from 0 to ${MAX_SEED} or ranges of them such as 1-20 or 1,5,9 ` +
          `(got '${value}')`,
      );
      return [];
    }
    for (let s = from; s <= to; s += 1) seeds.add(s);
  }
  if (seeds.size > MAX_SEEDS) {
    problems.push(`--seeds must name at most ${MAX_SEEDS} seeds (got ${seeds.size})`);
  }
  return [...seeds];
}

function whole(problems: string[], option: string, value: string, max: number): number {
  const n = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (Number.isSafeInteger(n) && n <= max) return n;
  problems.push(`--${option} must be a whole number from 0 to ${max} (got '${value}')`);
  return 0;
}

/** What the suite reported, in words: against `none`, nothing found is `clean`. */
function outcome(row: MatrixRow): string {
  if (row.detectedAs !== 'missed') return row.detectedAs;
  return row.defect === 'none' ? 'clean' : 'missed';
}

export function line(row: MatrixRow, withSeed: boolean): string {
  const when = row.msToDetection === null ? '' : ` in ${(row.msToDetection / 1000).toFixed(1)} s`;
  const seed = withSeed ? ` (seed ${row.seed})` : '';
  return `${row.pass ? 'ok  ' : 'FAIL'} ${row.defect}${seed}: ${outcome(row)}${
    row.caughtBy ? ` by ${row.caughtBy}` : ''
  }${when}, ${row.findings} findings${diagnosed(row)}`;
}

/** `, diagnosed as slice:9:36`, with what was expected when the probe named another mapping. */
function diagnosed(row: MatrixRow): string {
  if (row.mapping === null) return row.diagnosis === null ? '' : `; ${row.diagnosis}`;
  return `, diagnosed as ${mappingOf(row)}`;
}

/** The mapping the probe named, and the one expected beside it when they differ. */
function mappingOf(row: MatrixRow): string {
  const wrong = row.diagnosedRight === false ? ` (expected ${row.expectedMapping})` : '';
  return `${row.mapping}${wrong}`;
}

/** One line per defect over every seed: how often it was caught, and the findings in all. */
export function totals(rows: MatrixRow[], seeds: number): string[] {
  return [...new Set(rows.map((row) => row.defect))].map((defect) => {
    const mine = rows.filter((row) => row.defect === defect);
    const findings = mine.reduce((sum, row) => sum + row.findings, 0);
    const failing = mine.filter((row) => !row.pass).map((row) => row.seed);
    const found = mine.filter((row) => row.detectedAs !== 'missed').length;
    const probed = mine.filter((row) => row.diagnosedRight !== null);
    const right = probed.filter((row) => row.diagnosedRight).length;
    const diagnosed = probed.length
      ? `, diagnosed as ${probed[0]!.expectedMapping} under ${right} of ${probed.length}`
      : '';
    const verdict =
      defect === 'none'
        ? `clean under ${mine.length - found} of ${seeds} seeds`
        : `detected under ${found} of ${seeds} seeds${diagnosed}`;
    const which = failing.length ? `; failed under seeds ${failing.join(', ')}` : '';
    return `total ${defect}: ${verdict}, ${findings} findings${which}`;
  });
}

/** A Markdown table, so the printed matrix pastes into an issue as it is. */
function table(rows: MatrixRow[], withSeed: boolean): string {
  const head = ['defect', 'detected as', 'first caught by', 'time to detection', 'diagnosis'];
  const body = rows.map((r) => [
    r.defect,
    r.defect === 'none' && r.detectedAs === 'missed' ? 'nothing (clean)' : r.detectedAs,
    r.caughtBy ?? '-',
    r.msToDetection === null ? '-' : `${(r.msToDetection / 1000).toFixed(1)} s`,
    r.mapping === null ? (r.diagnosis ?? '-') : `${mappingOf(r)}: ${r.diagnosis}`,
  ]);
  const withSeeds = withSeed
    ? [['seed', ...head], ...rows.map((r, i) => [String(r.seed), ...body[i]!])]
    : [head, ...body];
  const [first, ...rest] = withSeeds;
  return [first!, first!.map(() => '---'), ...rest]
    .map((cells) => `| ${cells.join(' | ')} |`)
    .join('\n');
}
