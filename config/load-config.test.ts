import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
// Outside any package, as a user's own project without a package.json is.
const scratch = mkdtempSync(join(tmpdir(), 'twinsub-load-config-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * Through the command line: a configuration is loaded by tsx there, as bin/twinsub.mjs
 * registers it, and vitest's own TypeScript loader would not read it the same way.
 */
function run(config: string) {
  const result = spawnSync(
    process.execPath,
    ['bin/twinsub.mjs', 'run', '--config', config, '--report-dir', join(scratch, 'reports')],
    { cwd: ROOT, encoding: 'utf8', timeout: 120_000 },
  );
  return { code: result.status, stderr: result.stderr };
}

// A Blue Button configuration with one mistake, so that a configuration that loads ends at once.
const profile = JSON.stringify(join(ROOT, 'config', 'blue-button-profile.ts'));
const blueButton = `import { blueButtonProfile } from ${profile};
export default blueButtonProfile({
  target: { url: 'not a url' },
  apps: [
    { clientId: 'app-one', clientSecret: 'one', redirectUri: 'http://127.0.0.1:4041/callback' },
    { clientId: 'app-two', clientSecret: 'two', redirectUri: 'http://127.0.0.1:4042/callback' },
  ],
  mbiHash: { salt: '6E6F747468657265616C706570706572', iterations: 2 },
});
`;

describe('loading twinsub.config.ts', () => {
  it('loads a .mts configuration kept in a project of its own', () => {
    const file = join(scratch, 'own', 'twinsub.config.mts');
    mkdirSync(join(scratch, 'own'));
    writeFileSync(file, blueButton);

    expect(run(file)).toEqual({
      code: 2,
      stderr:
        `twinsub: Invalid configuration ${file}:\n` +
        "twinsub: target.url must be an http(s) URL (got 'not a url')\n" +
        'twinsub: identityClient.redirectUri must be an http(s) URL ' +
        "(got 'not a url/mymedicare/sls-callback')\n",
    });
  });

  it('says how to fix a .ts configuration that Node reads as CommonJS', () => {
    const file = join(scratch, 'twinsub.config.ts');
    writeFileSync(file, blueButton);

    expect(run(file)).toEqual({
      code: 2,
      stderr:
        `twinsub: Failed to load ${file}: it was read as CommonJS, since no package.json above ` +
        'it says "type": "module"; rename it to twinsub.config.mts or add "type": "module" to ' +
        'your package.json\n',
    });
  });

  it('shows where a syntax error is', () => {
    const dir = join(scratch, 'module');
    const file = join(dir, 'twinsub.config.ts');
    mkdirSync(dir);
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
    writeFileSync(file, 'export default {\n');

    expect(run(file)).toEqual({
      code: 2,
      stderr:
        `twinsub: Failed to load ${file}: Transform failed with 1 error: ${file}:2:0: ERROR: ` +
        'Expected identifier but found end of file\n',
    });
  });

  it('refuses --defect beside --config, which would otherwise be ignored', () => {
    const result = spawnSync(
      process.execPath,
      [
        'bin/twinsub.mjs',
        'run',
        '--config',
        'config/examples/blue-button-by-url.config.ts',
        '--defect',
        'truncate-uuid-96',
      ],
      { cwd: ROOT, encoding: 'utf8', timeout: 120_000 },
    );

    expect([result.status, result.stderr]).toEqual([
      2,
      'twinsub: --defect applies to the reference target only; with --config twinsub tests the ' +
        'system the configuration names, so leave --defect out\n',
    ]);
  });

  it('says what a configuration threw, even when it is not an Error', () => {
    const dir = join(scratch, 'throws');
    mkdirSync(dir);
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
    writeFileSync(join(dir, 'null.config.ts'), 'throw null;\nexport default {};\n');
    writeFileSync(join(dir, 'c.config.cts'), 'module.exports = {};\n');

    expect([run(join(dir, 'null.config.ts')), run(join(dir, 'c.config.cts'))]).toEqual([
      {
        code: 2,
        stderr: `twinsub: Failed to load ${join(dir, 'null.config.ts')}: it threw null\n`,
      },
      {
        code: 2,
        stderr: `twinsub: --config must name a .ts or .mts file, an ES module (got '${join(dir, 'c.config.cts')}')\n`,
      },
    ]);
  });

  it('names a folder given in place of the file', () => {
    expect(run(scratch)).toEqual({
      code: 2,
      stderr: `twinsub: --config must name a file, not a folder (got '${scratch}'); name its twinsub.config.ts\n`,
    });
  });
});
