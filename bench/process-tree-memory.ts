import { readdirSync, readFileSync } from 'node:fs';

/** Resident memory in bytes of `pid` and all its descendants, read from /proc (Linux). */
export function processTreeRss(pid: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name, which may itself hold spaces and parentheses.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const parent = Number(fields[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
      rss.set(Number(entry), Number(fields[21]) * 4096);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const queue = [pid];
  while (queue.length) {
    const next = queue.pop()!;
    total += rss.get(next) ?? 0;
    queue.push(...(children.get(next) ?? []));
  }
  return total;
}
