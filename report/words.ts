/** `2026-01-05 08:53:27.874 UTC`: simulated clock times read as times, not as ISO strings. */
export function formatTime(iso: string): string {
  return iso.replace('T', ' ').replace(/Z$/, ' UTC');
}

/** `1 min 0 s`, `2 h 5 min`, `850 ms`. */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < 1000) return `${Math.round(abs)} ms`;
  const seconds = Math.round(abs / 1000);
  if (seconds < 60) return `${(abs / 1000).toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** `1 violation`, `2 violations`. */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}
