import { renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { makeDirectory } from '../core/make-directory.ts';

/** A reader never sees half a file: write beside it, then rename over it. */
export function writeAtomically(path: string, data: string | Buffer): void {
  makeDirectory(dirname(path));
  const partial = `${path}.partial`;
  writeFileSync(partial, data);
  renameSync(partial, path);
}
