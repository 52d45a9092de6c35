import { createServer } from 'node:net';
import { TwinsubError } from '../core/twinsub-error.ts';

/**
 * Checks, before anything starts, that every fixed port asked for is free on 127.0.0.1, and names
 * every busy one by the option that chose it, all at once.
 */
export async function checkPortsFree(ports: { option: string; port: number }[]): Promise<void> {
  const busy: string[] = [];
  for (const { option, port } of ports) {
    if (port === 0 || (await isFree(port))) continue;
    busy.push(`${option} must be a free port (got ${port}: already in use); choose another or 0`);
  }
  if (busy.length) throw new TwinsubError('PORT_IN_USE', busy.join('\n'));
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}
