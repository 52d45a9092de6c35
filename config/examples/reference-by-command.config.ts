import { defineConfig } from '../define-config.ts';

// The reference target as a stranger's system: twinsub starts it by command for each world.
// TWINSUB_EXAMPLE_DEFECT picks its defect, so one file serves a clean and a leaking run.
const defect = process.env.TWINSUB_EXAMPLE_DEFECT ?? 'none';

export default defineConfig({
  target: {
    command: [
      process.execPath,
      'bin/twinsub.mjs',
      'target',
      '--port=4130',
      '--identity-url=http://127.0.0.1:4110',
      '--identity-client-id=reference-target',
      '--identity-client-secret=target-secret',
      '--backend-url=http://127.0.0.1:4120',
      `--defect=${defect}`,
      '--app',
      'app-one,app-one-secret,http://127.0.0.1:4141/callback',
      'app-two,app-two-secret,http://127.0.0.1:4142/callback',
    ],
    cwd: new URL('../..', import.meta.url).pathname,
    url: 'http://127.0.0.1:4130',
    startupTimeoutMs: 60_000,
  },
  identityProtocol: 'oidc',
  identityClient: {
    clientId: 'reference-target',
    clientSecret: 'target-secret',
    redirectUri: 'http://127.0.0.1:4130/mymedicare/sls-callback',
  },
  apps: [
    {
      clientId: 'app-one',
      clientSecret: 'app-one-secret',
      redirectUri: 'http://127.0.0.1:4141/callback',
    },
    {
      clientId: 'app-two',
      clientSecret: 'app-two-secret',
      redirectUri: 'http://127.0.0.1:4142/callback',
    },
  ],
  mbiHash: { salt: '6E6F747468657265616C706570706572', iterations: 2 },
  ports: { simulator: 4110, backend: 4120 },
});
