import type { ReferenceTargetOptions } from '../target/reference-target-options.ts';
import type { TwinsubErrorCode } from '../core/twinsub-error.ts';

/** A simulator part's answer: its identity providers' issuers and control APIs, first first. */
export interface SimulatorPartInfo {
  issuer: string;
  controlUrl: string;
  more: { issuer: string; controlUrl: string }[];
}

/** What a parent asks a part process to start; options cross the process boundary as JSON. */
export type PartRequest =
  | {
      part: 'simulator';
      options: {
        seed: number;
        /** Start of the simulated clock, ms since the Unix epoch. */
        startMs: number;
        scheme: string;
        port?: number;
        controlPort?: number;
        /**
         * Further identity providers in the same process, each an issuer of its own on its own
         * ports, sharing the simulated clock. Default none.
         */
        more?: { port?: number; controlPort?: number }[];
      };
    }
  | { part: 'target'; options: ReferenceTargetOptions };

/** What a part process tells its parent. */
export type PartMessage =
  | { type: 'started'; info: unknown }
  | { type: 'warning'; line: string }
  | { type: 'failed'; code: TwinsubErrorCode | undefined; message: string };
