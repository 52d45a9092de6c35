import { defineConfig } from '../define-config.ts';

// The reference target as a stranger's system that trusts two identity systems: twinsub starts
// it by command for each world, and plays both identity systems. TWINSUB_EXAMPLE_DEFECT picks its
// defect (`issuer-ignored` keys users on `sub` alone).
const defect = process.env.TWINSUB_EXAMPLE_DEFECT ?? 'none';

export default defineConfig({
  target: {
    command: [
      process.execPath,
      'bin/twinsub.mjs',
      'target',
      '--port=4430',
      '--identity-url=http://127.0.0.1:4410',
      '--more-identity-url=http://127.0.0.1:4412',
      '--identity-client-id=reference-target',
      '--identity-client-secret=target-secret',
      '--backend-url=http://127.0.0.1:4420',
      `--defect=${defect}`,
      '--app',
      'app-one,app-one-secret,http://127.0.0.1:4441/callback',
      'app-two,app-two-secret,http://127.0.0.1:4442/callback',
    ],
    cwd: new URL('../..', import.meta.url).pathname,
    url: 'http://127.0.0.1:4430',
    startupTimeoutMs: 60_000,
  },
  identityProtocol: 'oidc',
  identityClient: {
    clientId: 'reference-target',
    clientSecret: 'target-secret',
    redirectUri: 'http://127.0.0.1:4430/mymedicare/sls-callback',
  },
  apps: [
    {
      clientId: 'app-one',
      clientSecret: 'app-one-secret',
      redirectUri: 'http://127.0.0.1:4441/callback',
    },
    {
      clientId: 'app-two',
      clientSecret: 'app-two-secret',
      redirectUri: 'http://127.0.0.1:4442/callback',
    },
  ],
  mbiHash: { salt: '6E6F747468657265616C706570706572', iterations: 2 },
  ports: { simulator: 4410, backend: 4420 },
  // The target's sign-in page names each identity system by its issuer.
  identityProviders: {
    choose: 'a[data-identity-provider="http://127.0.0.1:4410"]',
    more: [{ port: 4412, choose: 'a[data-identity-provider="http://127.0.0.1:4412"]' }],
  },
});
