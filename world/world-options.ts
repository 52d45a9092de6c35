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
  /** Third-party apps registered at the target. Default 2. */
  appCount?: number;
  /** PostgreSQL for the target; absent: embedded PGlite. */
  databaseUrl?: string;
  /** Where the simulator's loud warnings go (development keys). Default: dropped. */
  onWarning?: (line: string) => void;
}
