import type { Transform } from '../transforms/transform.ts';

/** What to make twins of: resolved, every default filled in. */
export interface TwinRequest {
  scheme: string;
  schemeOptions: Record<string, unknown>;
  transform: Transform;
  k: number;
  seed: number;
  startMs: number;
  iss: string;
  /** Ids issued per clock plan before a search gives up. */
  budget: number;
}
