import type { TwinSet } from './twin-set.ts';
import type { TwinRequest } from './twin-request.ts';
import type { TwinMember } from './twin-set.ts';
import { issueAccounts } from './issue-accounts.ts';

/** One way accounts can trickle in: the clock step between them. */
export interface ClockPlan {
  stepMs: number;
  description: string;
  /** At most this many ids, whatever the budget (long steps run past the formats' time range). */
  maxIds?: number;
}

/**
 * The clock plans a search tries, in order. 2^28 ms is the period after which a v1 UUID's
 * time_low repeats at millisecond resolution (2^32 ticks of 100 ns, and 10^4 ticks per ms share
 * the factor 2^4).
 */
export const CLOCK_PLANS: readonly ClockPlan[] = [
  { stepMs: 1_000, description: 'one a second' },
  { stepMs: 60_000, description: 'one a minute' },
  { stepMs: 0, description: 'in one burst within a millisecond' },
  { stepMs: 1, description: 'one a millisecond' },
  { stepMs: 2 ** 28, description: 'one every 2^28 ms (3.1 days)', maxIds: 64 },
];

/**
 * Twins the scheme itself issues: accounts made by one issuer under each clock plan in turn until
 * `k` of them share a key. Realistic by construction, since only the clock is chosen. With a
 * `base` account, only twins of it count.
 */
export function searchIssued(request: TwinRequest, base?: TwinMember): TwinSet | undefined {
  for (const plan of CLOCK_PLANS) {
    const found = searchPlan(request, plan, base);
    if (found !== undefined) return found;
  }
  return undefined;
}

function searchPlan(
  request: TwinRequest,
  plan: ClockPlan,
  base: TwinMember | undefined,
): TwinSet | undefined {
  const { transform, k } = request;
  const buckets = new Map<string, TwinMember[]>();
  const target = base === undefined ? undefined : transform.key(base.iss, base.sub, base.claims);
  if (base !== undefined && target !== null && target !== undefined) buckets.set(target, [base]);
  const limit = Math.min(request.budget, plan.maxIds ?? Infinity);
  let issued = 0;

  for (const member of issueAccounts(request, plan.stepMs)) {
    if (issued >= limit) return undefined;
    issued += 1;
    const key = transform.key(member.iss, member.sub, member.claims);
    if (key === null || (target !== undefined && key !== target)) continue;
    if (base !== undefined && member.sub === base.sub && member.iss === base.iss) continue;

    const bucket = buckets.get(key) ?? [];
    bucket.push(member);
    buckets.set(key, bucket);
    if (bucket.length < k) continue;

    const spanMs = bucket.at(-1)!.createdAtMs - bucket[0]!.createdAtMs;
    return {
      scheme: request.scheme,
      transform: transform.spec,
      key,
      members: bucket,
      ids: bucket.map((twin) => twin.sub),
      method: 'issued',
      how:
        `${k} of ${issued} accounts issued ${plan.description} by one issuer share the key ` +
        `(created ${spanMs} ms apart)`,
    };
  }
  return undefined;
}
