import { blueButtonProfile } from '../blue-button-profile.ts';

// A Blue Button-shaped server that is already running and logs people in over SLSx: all a user
// supplies is its URL, the apps registered at it and its MBI hashing settings. Here the server is
// `twinsub target --identity-protocol slsx` (see docs/point-your-system.md).
export default blueButtonProfile({
  target: { url: 'http://127.0.0.1:4230' },
  apps: [
    {
      clientId: 'app-one',
      clientSecret: 'app-one-secret',
      redirectUri: 'http://127.0.0.1:4241/callback',
    },
    {
      clientId: 'app-two',
      clientSecret: 'app-two-secret',
      redirectUri: 'http://127.0.0.1:4242/callback',
    },
  ],
  mbiHash: { salt: '6E6F747468657265616C706570706572', iterations: 2 },
  ports: { simulator: 4210, backend: 4220 },
});
