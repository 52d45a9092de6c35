/** A population whose colliding pairs are to be predicted or counted. */
export interface CollisionQuestion {
  scheme: string;
  /** Transform spec (`slice:9:36`). */
  transform: string;
  /** How many accounts one issuer creates. */
  population: number;
  /** Accounts created per second, evenly: account i at `startMs + floor(i * 1000 / rate)`. */
  ratePerSecond: number;
  /** Simulated time of the first account. Default `DEFAULT_EPOCH_MS`. */
  startMs?: number;
  /** Seed of the issuer's random source. Default 1. */
  seed?: number;
  /** Options for the scheme. Default `{}`. */
  schemeOptions?: Record<string, unknown>;
}

/** Creation times of a question's accounts, ms since the Unix epoch. */
export function creationTimes(question: CollisionQuestion, startMs: number): number[] {
  return Array.from(
    { length: question.population },
    (_, i) => startMs + Math.floor((i * 1000) / question.ratePerSecond),
  );
}

/** Colliding pairs among keys: m(m-1)/2 for a key held by m accounts; `null` never merges. */
export function countPairs(keys: Iterable<string | null>): number {
  const counts = new Map<string, number>();
  for (const key of keys) if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1);
  let pairs = 0;
  for (const m of counts.values()) pairs += (m * (m - 1)) / 2;
  return pairs;
}
