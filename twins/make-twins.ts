import { DEFAULT_EPOCH_MS } from '../core/clock.ts';
import { createTransform } from '../transforms/create-transform.ts';
import type { Transform } from '../transforms/transform.ts';
import { OptionProblems } from '../subjects/option-problems.ts';
import type { TwinsResult } from './twin-set.ts';
import type { TwinRequest } from './twin-request.ts';
import { searchIssued, CLOCK_PLANS } from './search-issued.ts';
import { constructTwins } from './construct-twins.ts';
import { whyNoTwins } from './why-no-twins.ts';
import { sampleIds, schemeOf } from './sample-ids.ts';

const CROSS_ISSUER = new Set(['drop-issuer', 'email']);

export interface MakeTwinsOptions {
  /** Scheme name, as `createScheme` takes it. */
  scheme: string;
  /** Transform spec (`slice:9:36`) or a transform. */
  transform: string | Transform;
  /** How many twins, 2..64. Default 2. */
  k?: number;
  /** Seed of the issuer's random source. Default 1. */
  seed?: number;
  /** Simulated time of the first account, ms since the Unix epoch. Default `DEFAULT_EPOCH_MS`. */
  startMs?: number;
  /** Options for the scheme (`{node, clockSeq}` for uuid-v1). Default `{}`. */
  schemeOptions?: Record<string, unknown>;
  /** The issuer of the accounts. Default `https://idp.twinsub.test`. */
  iss?: string;
  /** Ids issued per clock plan before a search gives up. Default 5,000. */
  budget?: number;
}

/**
 * `k` distinct subjects, valid in the scheme, that the transform maps to one key: issued by the
 * scheme with the clock moved where that suffices (UUID v1 under `slice:9:36`: accounts made
 * within one time_low window), constructed otherwise; or why no such set exists.
 */
export function makeTwins(options: MakeTwinsOptions): TwinsResult {
  const request = resolve(options);
  const samples = sampleIds(request);
  const scheme = schemeOf(request);

  const reason = whyNoTwins(scheme, request.transform.steps, samples);
  if (reason !== undefined) return { impossible: reason };

  // Across issuers or by email, one issuer's ids need not merge by themselves: when the rest of
  // the transform keeps them apart, searching its issuances is futile.
  const withinOneIssuer = request.transform.steps.filter((step) => !CROSS_ISSUER.has(step.name));
  const searchFutile = whyNoTwins(scheme, withinOneIssuer, samples) !== undefined;
  const twins = (searchFutile ? undefined : searchIssued(request)) ?? constructTwins(request);
  if (twins !== undefined) return twins;

  const plans = CLOCK_PLANS.map((plan) => plan.description).join(', ');
  return {
    impossible:
      `no ${request.k} ids shared a key among ${request.budget.toLocaleString('en-US')} issued ` +
      `per clock plan (${plans}): ${request.transform.spec} keeps too much of what varies`,
  };
}

function resolve(options: MakeTwinsOptions): TwinRequest {
  const problems = new OptionProblems('twins');
  const { k = 2, seed = 1, budget = 5_000 } = options;
  problems.require(Number.isInteger(k) && k >= 2 && k <= 64, 'k', 'an integer in 2..64', k);
  problems.require(Number.isInteger(seed), 'seed', 'an integer', seed);
  problems.require(Number.isInteger(budget) && budget >= 1, 'budget', 'an integer >= 1', budget);
  problems.throwIfAny();

  const transform =
    typeof options.transform === 'string' ? createTransform(options.transform) : options.transform;
  return {
    scheme: options.scheme,
    schemeOptions: options.schemeOptions ?? {},
    transform,
    k,
    seed,
    startMs: options.startMs ?? DEFAULT_EPOCH_MS,
    iss: options.iss ?? 'https://idp.twinsub.test',
    budget,
  };
}
