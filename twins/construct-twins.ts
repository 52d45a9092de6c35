import { createScheme } from '../subjects/registry.ts';
import { ManualClock } from '../core/clock.ts';
import { seededRandom } from '../core/random.ts';
import type { SubjectScheme } from '../subjects/subject-scheme.ts';
import type { TwinMember, TwinSet } from './twin-set.ts';
import type { TwinRequest } from './twin-request.ts';
import { issueAccounts } from './issue-accounts.ts';

/** Other Auth0 connection names a `provider|id` subject can carry. */
const PROVIDERS = ['google-oauth2', 'github', 'samlp', 'waad', 'email', 'sms', 'twitter', 'apple'];

/**
 * Twins that no issuance within the search budget produces, built from one issued account: the
 * same sub at other issuers, the same email, the same id under other providers, case variants,
 * numeric neighbours. Each candidate must still pass the scheme's validator. With a `base`
 * account, the twins are built from it and include it.
 */
export function constructTwins(request: TwinRequest, base?: TwinMember): TwinSet | undefined {
  const first = base ?? (issueAccounts(request, 1_000).next().value as TwinMember);
  const scheme = createScheme(
    request.scheme,
    {
      clock: new ManualClock(request.startMs),
      random: seededRandom(request.seed),
    },
    request.schemeOptions,
  );
  const names = new Set(request.transform.steps.map((step) => step.name));

  const builders: Array<[boolean, () => Candidates]> = [
    [names.has('email'), () => sameEmail(request, base)],
    [names.has('drop-issuer'), () => otherIssuers(request, first)],
    [names.has('strip-provider-prefix'), () => otherProviders(first, scheme)],
    [CASE_STEPS.some((name) => names.has(name)), () => caseVariants(first, scheme)],
    [names.has('number'), () => numericCandidates(first, scheme)],
  ];
  for (const [applies, build] of builders) {
    if (!applies) continue;
    const twins = firstSharedKey(request, build(), base);
    if (twins !== undefined) return twins;
  }
  return undefined;
}

const CASE_STEPS = ['lower', 'upper', 'mariadb-ci', 'nfkc-casefold'];

interface Candidates {
  members: Iterable<TwinMember>;
  method: TwinSet['method'];
  how: string;
}

function firstSharedKey(
  request: TwinRequest,
  candidates: Candidates,
  base: TwinMember | undefined,
): TwinSet | undefined {
  const { transform, k } = request;
  const buckets = new Map<string, TwinMember[]>();
  const target = base === undefined ? undefined : transform.key(base.iss, base.sub, base.claims);
  if (base !== undefined && target !== null && target !== undefined) buckets.set(target, [base]);
  for (const member of candidates.members) {
    const key = transform.key(member.iss, member.sub, member.claims);
    if (key === null || (target !== undefined && key !== target)) continue;
    if (base !== undefined && member.sub === base.sub && member.iss === base.iss) continue;
    const bucket = buckets.get(key) ?? [];
    bucket.push(member);
    buckets.set(key, bucket);
    if (bucket.length < k) continue;
    return {
      scheme: request.scheme,
      transform: transform.spec,
      key,
      members: bucket,
      ids: bucket.map((twin) => twin.sub),
      method: candidates.method,
      how: candidates.how,
    };
  }
  return undefined;
}

function sameEmail(request: TwinRequest, base: TwinMember | undefined): Candidates {
  const email = base?.claims.email ?? 'shared@example.test';
  const members = take(issueAccounts(request, 60_000), request.k).map((member) => ({
    ...member,
    claims: { email },
  }));
  return {
    members,
    method: 'issued',
    how: 'accounts issued a minute apart claim the same email address (unverified or reassigned)',
  };
}

function otherIssuers(request: TwinRequest, first: TwinMember): Candidates {
  const members = Array.from({ length: request.k }, (_, i) => ({
    ...first,
    iss: i === 0 ? first.iss : `https://idp-${i + 1}.twinsub.test`,
  }));
  const sequential = request.scheme === 'sequential';
  return {
    members,
    method: sequential ? 'issued' : 'constructed',
    how: sequential
      ? 'every issuer numbers its users from the same start, so each has a user with this id'
      : 'other issuers (tenants, or a hostile issuer) issue the same sub value',
  };
}

function otherProviders(first: TwinMember, scheme: SubjectScheme): Candidates {
  const bar = first.sub.indexOf('|');
  const id = first.sub.slice(bar + 1);
  const subs = [first.sub, ...PROVIDERS.map((provider) => `${provider}|${id}`)];
  return {
    members: subs.filter((sub) => scheme.validate(sub)).map((sub) => ({ ...first, sub })),
    method: 'constructed',
    how: 'the same id under other connections of one Auth0 tenant',
  };
}

/** Variants of the id with letters' case flipped, right-most letters first. */
function caseVariants(first: TwinMember, scheme: SubjectScheme): Candidates {
  const positions = [...first.sub].flatMap((char, i) =>
    char.toLowerCase() !== char.toUpperCase() ? [i] : [],
  );
  const chosen = positions.reverse().slice(0, 8);
  const subs: string[] = [];
  for (let mask = 0; mask < 1 << chosen.length; mask += 1) {
    const chars = [...first.sub];
    chosen.forEach((at, bit) => {
      if ((mask & (1 << bit)) === 0) return;
      const char = chars[at]!;
      chars[at] = char === char.toUpperCase() ? char.toLowerCase() : char.toUpperCase();
    });
    subs.push(chars.join(''));
  }
  return {
    members: subs.filter((sub) => scheme.validate(sub)).map((sub) => ({ ...first, sub })),
    method: 'constructed',
    how: 'ids the format allows that differ from an issued one only in the case of letters',
  };
}

/** The issued id and the decimal ids just above it. */
function* numericNeighbours(first: TwinMember, scheme: SubjectScheme): Generator<TwinMember> {
  if (!/^\d+$/.test(first.sub)) return;
  const base = BigInt(first.sub);
  for (let step = 0n; step < 100_000n; step += 1n) {
    const sub = (base + step).toString();
    if (scheme.validate(sub)) yield { ...first, sub };
  }
}

function numericCandidates(first: TwinMember, scheme: SubjectScheme): Candidates {
  return {
    members: numericNeighbours(first, scheme),
    method: 'constructed',
    how: 'the issued id and the next ids up, which the same float64 number stands for',
  };
}

function take<T>(items: Iterable<T>, n: number): T[] {
  const out: T[] = [];
  for (const item of items) {
    if (out.length >= n) break;
    out.push(item);
  }
  return out;
}
