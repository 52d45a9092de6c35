/** What a world is made of. */
export interface WorldOptions {
  /** Seeds the population, the simulator's random source and the apps' credentials. */
  seed: number;
  /** Defect of the reference target. Default `none`. */
  defect?: string;
  /** Beneficiaries in the population the data backend serves. Default 2. */
  populationSize?: number;
  /** Subject scheme of the simulator. Default `uuid-v1`. */
  scheme?: string;
  /** Protocol the reference target speaks to the simulator: `oidc` (default) or `slsx`. */
  identityProtocol?: 'oidc' | 'slsx';
  /**
   * Identity providers the reference target trusts, each a simulator issuer of its own. Default
   * 2: with two, the target's sign-in page offers both and an identity is (`iss`, `sub`), so a
   * target that ignores the issuer can be caught.
   */
  identityProviders?: number;
  /** Third-party apps registered at the target. Default 2. */
  appCount?: number;
  /** PostgreSQL for the target; absent: embedded PGlite. */
  databaseUrl?: string;
  /** Fixed loopback ports, for a world people reach by hand; 0 or absent: any free port. */
  ports?: WorldPorts;
  /** Where the simulator's loud warnings go (development keys). Default: dropped. */
  onWarning?: (line: string) => void;
}

/** Ports of the world's parts; the apps take one each, in order. */
export interface WorldPorts {
  simulator?: number;
  control?: number;
  /** The identity providers after the first, in order: issuer and control API ports. */
  moreSimulators?: { simulator?: number; control?: number }[];
  backend?: number;
  target?: number;
  apps?: number[];
}
