import { pathToFileURL } from 'node:url';
import { DEFAULT_EPOCH_MS, ManualClock } from '../core/clock.ts';
import { seededRandom } from '../core/random.ts';
import { createScheme, SCHEME_NAMES } from '../subjects/registry.ts';
import { makeTwins } from '../twins/make-twins.ts';

export interface BenchFigure {
  what: string;
  /** Per second of wall-clock time. */
  perSecond: number;
  /** Per second of this process's CPU time: steadier when other work shares the machine. */
  perCpuSecond: number;
}

/** Runs `work`, returning wall and CPU seconds it took. */
function timed(work: () => void): { wall: number; cpu: number } {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  work();
  const wall = (performance.now() - started) / 1000;
  const { user, system } = process.cpuUsage(cpuBefore);
  return { wall, cpu: (user + system) / 1e6 };
}

/** Twin requests timed by the benchmark: one issued by search, one constructed, one impossible. */
export const TWIN_CASES = [
  { scheme: 'uuid-v1', transform: 'slice:9:36', k: 2 },
  { scheme: 'uuid-v1', transform: 'slice:9:36', k: 8 },
  { scheme: 'snowflake', transform: 'number', k: 2 },
  { scheme: 'okta', transform: 'lower', k: 2 },
  { scheme: 'uuid-v4', transform: 'number', k: 2 },
] as const;

/** Ids per second for every scheme: a million-id run after a warm-up, the clock 1 ms per id. */
export function measureSchemes(ids = 1_000_000): BenchFigure[] {
  return SCHEME_NAMES.map((name) => {
    const clock = new ManualClock(DEFAULT_EPOCH_MS);
    const scheme = createScheme(name, { clock, random: seededRandom(1) });
    for (let i = 0; i < 50_000; i += 1) scheme.next();

    const { wall, cpu } = timed(() => {
      for (let i = 0; i < ids; i += 1) {
        clock.advance(1);
        scheme.next();
      }
    });
    return { what: name, perSecond: ids / wall, perCpuSecond: ids / cpu };
  });
}

/** Twin sets (or impossibility verdicts) per second for each case, over about half a second. */
export function measureTwins(): BenchFigure[] {
  return TWIN_CASES.map((request) => {
    let sets = 0;
    const { wall, cpu } = timed(() => {
      const started = performance.now();
      while (performance.now() - started < 500) {
        makeTwins({ ...request, seed: sets });
        sets += 1;
      }
    });
    return {
      what: `${request.scheme} under ${request.transform}, k = ${request.k}`,
      perSecond: sets / wall,
      perCpuSecond: sets / cpu,
    };
  });
}

function format(figures: BenchFigure[]): string {
  return figures
    .map(({ what, perSecond, perCpuSecond }) => {
      const wall = Math.round(perSecond).toLocaleString('en-US').padStart(12);
      const cpu = Math.round(perCpuSecond).toLocaleString('en-US').padStart(12);
      return `${what.padEnd(36)} ${wall}/s ${cpu}/cpu-s`;
    })
    .join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log('ids per second, per scheme');
  console.log(format(measureSchemes()));
  console.log('\ntwin sets per second');
  console.log(format(measureTwins()));
}
