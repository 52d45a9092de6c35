import { defineConfig } from '../define-config.ts';

// The reference target from a locally built image (scripts/build-target-image.sh), started by
// testcontainers for each world on the host's network.
export default defineConfig({
  target: {
    image: 'twinsub-reference-target:local',
    command: [
      '--port=4630',
      '--identity-url=http://127.0.0.1:4610',
      '--identity-client-id=reference-target',
      '--identity-client-secret=target-secret',
      '--backend-url=http://127.0.0.1:4620',
      '--app',
      'app-one,app-one-secret,http://127.0.0.1:4641/callback',
      'app-two,app-two-secret,http://127.0.0.1:4642/callback',
    ],
    url: 'http://127.0.0.1:4630',
  },
  identityClient: {
    clientId: 'reference-target',
    clientSecret: 'target-secret',
    redirectUri: 'http://127.0.0.1:4630/mymedicare/sls-callback',
  },
  apps: [
    {
      clientId: 'app-one',
      clientSecret: 'app-one-secret',
      redirectUri: 'http://127.0.0.1:4641/callback',
    },
    {
      clientId: 'app-two',
      clientSecret: 'app-two-secret',
      redirectUri: 'http://127.0.0.1:4642/callback',
    },
  ],
  mbiHash: { salt: '6E6F747468657265616C706570706572', iterations: 2 },
  ports: { simulator: 4610, backend: 4620 },
});
