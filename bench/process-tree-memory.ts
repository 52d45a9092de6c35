import { readdirSync, readFileSync } from 'node:fs';

/** Memory of a process tree, in bytes. */
export interface TreeMemory {
  /**
   * Sum of resident set sizes: pages shared by several processes of the tree (the Node binary,
   * its libraries) count once per process, so this overstates what the tree holds.
   */
  rss: number;
  /**
   * Sum of proportional set sizes: each shared page split between the processes that map it, so
   * the sum is what the tree holds (Linux `smaps_rollup`).
   */
  pss: number;
}

/** Memory of `pid` and all its descendants, read from /proc (Linux). */
export function processTreeMemory(pid: number): TreeMemory {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readOrEmpty(`/proc/${entry}/stat`);
    if (stat === '') continue;
    // Fields after the command name, which may itself hold spaces and parentheses.
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const total = { rss: 0, pss: 0 };
  const queue = [pid];
  while (queue.length) {
    const next = queue.pop()!;
    const rollup = readOrEmpty(`/proc/${next}/smaps_rollup`);
    total.rss += kilobytes(rollup, 'Rss') * 1024;
    total.pss += kilobytes(rollup, 'Pss') * 1024;
    queue.push(...(children.get(next) ?? []));
  }
  return total;
}

function kilobytes(rollup: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(rollup);
  return match ? Number(match[1]) : 0;
}

/** The file's text, or '' when the process ended while we looked. */
function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
