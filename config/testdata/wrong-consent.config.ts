import byCommand from '../examples/reference-by-command.config.ts';
import { defineConfig } from '../define-config.ts';

// The reference target's consent page has no `#approve-all`: a run must stop and name it.
export default defineConfig({
  ...byCommand,
  consent: { form: 'form#authorizationForm', approve: '#approve-all' },
});
