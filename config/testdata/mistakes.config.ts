import { defineConfig } from '../define-config.ts';

// Three mistakes a person makes: no target URL, a protocol twinsub does not speak, a bad app
// callback. `twinsub run --config` must name all of them at once.
export default defineConfig({
  target: {} as { url: string },
  identityProtocol: 'saml' as 'oidc',
  identityClient: {
    clientId: 'reference-target',
    clientSecret: 'target-secret',
    redirectUri: 'http://127.0.0.1:4330/mymedicare/sls-callback',
  },
  apps: [
    { clientId: 'app-one', clientSecret: 's1', redirectUri: 'http://127.0.0.1:4341/callback' },
    { clientId: 'app-two', clientSecret: 's2', redirectUri: 'http://localhost:4342/back' },
  ],
  mbiHash: { salt: '6E6F747468657265616C706570706572', iterations: 2 },
  ports: { simulator: 4310, backend: 4320 },
});
