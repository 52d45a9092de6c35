import type { TwinsubConfig } from './twinsub-config.ts';

/** Types a `twinsub.config.ts`; `twinsub run --config` checks it all before anything starts. */
export function defineConfig(config: TwinsubConfig): TwinsubConfig {
  return config;
}
