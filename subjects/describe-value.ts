/** A value as an error message shows it: strings quoted, everything else as JSON. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (value instanceof Uint8Array) return `bytes [${Array.from(value).join(', ')}]`;
  if (value === undefined) return 'undefined';
  return JSON.stringify(value) ?? String(value);
}
