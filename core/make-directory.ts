import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Creates `path` and every missing folder above it, as `mkdir -p` does, and always ends.
 *
 * Node's `mkdirSync(path, { recursive: true })` spins at full CPU forever when a folder exists but
 * answers ENOENT for a child it cannot hold (anything under /proc, a stale mount): it reads the
 * ENOENT as a missing parent and tries again (seen on Node 20.20 here; reported on 18 and 22).
 * Here each missing folder is made once, root first, so such a path fails with Node's own error
 * (ENOENT, ENOTDIR, EACCES...). A `path` that exists but is not a folder fails with ENOTDIR.
 */
export function makeDirectory(path: string): void {
  const missing: string[] = [];
  for (let dir = resolve(path); !existsSync(dir); dir = dirname(dir)) {
    missing.unshift(dir);
    if (dir === dirname(dir)) break;
  }
  for (const dir of missing) {
    try {
      mkdirSync(dir);
    } catch (error) {
      // Made meanwhile by someone else: fine while it is a folder, which the check below asks.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  if (!statSync(path).isDirectory()) {
    throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${path}'`), {
      code: 'ENOTDIR',
      path,
    });
  }
}
