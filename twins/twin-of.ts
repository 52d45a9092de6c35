import { DEFAULT_EPOCH_MS } from '../core/clock.ts';
import { createTransform } from '../transforms/create-transform.ts';
import type { Claims, Transform } from '../transforms/transform.ts';
import { OptionProblems } from '../subjects/option-problems.ts';
import type { TwinMember, TwinsResult } from './twin-set.ts';
import type { TwinRequest } from './twin-request.ts';
import { searchIssued } from './search-issued.ts';
import { constructTwins } from './construct-twins.ts';
import { whyNoTwins } from './why-no-twins.ts';
import { sampleIds, schemeOf } from './sample-ids.ts';
import { gregorianOrigin } from './gregorian-origin.ts';

export interface TwinOfOptions {
  /** Scheme the existing subject was issued under. */
  scheme: string;
  /** Transform spec (`slice:9:36`) or a transform. */
  transform: string | Transform;
  /** The existing account's subject. */
  sub: string;
  /** The existing account's issuer. Default `https://idp.twinsub.test`. */
  iss?: string;
  /** The existing account's claims (its `email` for the `email` transform). Default `{}`. */
  claims?: Claims;
  /** When the existing account was made, ms since the Unix epoch. Default `DEFAULT_EPOCH_MS`. */
  createdAtMs?: number;
  /** Options of the issuing scheme. Default `{}`. */
  schemeOptions?: Record<string, unknown>;
  /** Seed for the twins' issuer. Default 1. */
  seed?: number;
  /** How many accounts in the set, the existing one included, 2..64. Default 2. */
  k?: number;
  /** Ids issued per clock plan before a search gives up. Default 5,000. */
  budget?: number;
}

/**
 * Twins of an existing account: `k - 1` more subjects that the transform maps to its key. For
 * UUID v1 and v6 they come from the same node and clock sequence, with the clock moved forward
 * from the existing id's own time (within its time_low window for `slice:9:36`).
 */
export function makeTwinOf(options: TwinOfOptions): TwinsResult {
  const problems = new OptionProblems('twin');
  const { k = 2, seed = 1, budget = 5_000, sub } = options;
  problems.require(typeof sub === 'string' && sub !== '', 'sub', 'a non-empty string', sub);
  problems.require(Number.isInteger(k) && k >= 2 && k <= 64, 'k', 'an integer in 2..64', k);
  problems.require(Number.isInteger(budget) && budget >= 1, 'budget', 'an integer >= 1', budget);
  problems.throwIfAny();

  const transform =
    typeof options.transform === 'string' ? createTransform(options.transform) : options.transform;
  const base: TwinMember = {
    iss: options.iss ?? 'https://idp.twinsub.test',
    sub,
    claims: options.claims ?? {},
    createdAtMs: options.createdAtMs ?? DEFAULT_EPOCH_MS,
  };
  const request: TwinRequest = {
    scheme: options.scheme,
    schemeOptions: options.schemeOptions ?? {},
    transform,
    k,
    seed,
    startMs: base.createdAtMs,
    iss: base.iss,
    budget,
  };
  const scheme = schemeOf(request);
  if (!scheme.validate(sub)) {
    return { impossible: `${sub} is not a valid ${options.scheme} id, so it has no twins there` };
  }
  if (transform.key(base.iss, sub, base.claims) === null) {
    return { impossible: `${transform.spec} makes no key from ${sub}: the login fails instead` };
  }
  const reason = whyNoTwins(scheme, transform.steps, sampleIds(request));
  if (reason !== undefined) return { impossible: reason };

  const origin = gregorianOrigin(options.scheme, sub);
  const issuing = origin === undefined ? request : { ...request, ...origin };
  const twins = searchIssued(issuing, base) ?? constructTwins(request, base);
  return twins ?? { impossible: `no twin of ${sub} within the search budget of ${budget} ids` };
}
