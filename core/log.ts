import createDebug from 'debug';

/**
 * Namespaced debug logging (`DEBUG=twinsub:*`). Library code never prints; it logs here,
 * tagged with the entity the line concerns.
 */
export function logger(part: string): createDebug.Debugger {
  return createDebug(`twinsub:${part}`);
}
