import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeDirectory } from './make-directory.ts';

const scratch = mkdtempSync(join(tmpdir(), 'twinsub-mkdir-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const codeOf = (run: () => void) => {
  try {
    run();
    return 'no error';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code;
  }
};

describe('makeDirectory', () => {
  it('makes every missing folder, and is content with one that exists', () => {
    const deep = join(scratch, 'a', 'b', 'c');

    makeDirectory(deep);
    makeDirectory(deep);

    expect(statSync(deep).isDirectory()).toBe(true);
  });

  it('fails with ENOTDIR when the path or a folder above it is a file', () => {
    const file = join(scratch, 'file');
    writeFileSync(file, 'x');

    expect([
      codeOf(() => makeDirectory(file)),
      codeOf(() => makeDirectory(join(file, 'd'))),
    ]).toEqual(['ENOTDIR', 'ENOTDIR']);
  });

  // Node's recursive mkdir never returns here, so the call runs in a child that is killed if it
  // has not ended in 20 s (a hang in this process would stall the whole test run).
  it.skipIf(!existsSync('/proc/self'))(
    'ends with ENOENT under /proc, where a folder cannot be made',
    () => {
      const script =
        `import { makeDirectory } from ${JSON.stringify(resolve(import.meta.dirname, 'make-directory.ts'))};` +
        `try { makeDirectory('/proc/twinsub-none/x'); } catch (e) { console.log(e.code); }`;
      const child = spawnSync(
        process.execPath,
        ['--import', 'tsx', '--input-type=module', '-e', script],
        {
          encoding: 'utf8',
          timeout: 20_000,
        },
      );

      expect([child.signal, child.stdout.trim()]).toEqual([null, 'ENOENT']);
    },
  );
});
