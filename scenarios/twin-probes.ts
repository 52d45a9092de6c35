import { isTwinSet } from '../twins/twin-set.ts';
import { makeTwins } from '../twins/make-twins.ts';
import type { EnrollOptions } from '../world/start-world.ts';

/**
 * One pair of accounts a lossy mapping class (DOMAIN.md section 4) would merge: how the first
 * account is made, and how its twin is made from the first one's `sub`.
 */
export interface TwinProbe {
  /** The mapping class, for progress lines and reports. */
  name: string;
  first: EnrollOptions;
  twin(firstSub: string): EnrollOptions;
  /** Identity providers the probe needs in the world (the issuer class needs two). Default 1. */
  identityProviders?: number;
  /**
   * Set when the twin's identity provider is made to misbehave: why a correct target may refuse
   * the twin's login (`LoginRecord.refusalAllowed`).
   */
  twinRefusalAllowed?: string;
}

/** A letter the first account's id holds, replaced by its fullwidth form (NFKC folds it back). */
function fullwidthTwin(sub: string): string {
  const at = sub.search(/[A-Za-z]/);
  if (at < 0) return `${sub}\uff10`;
  const fullwidth = String.fromCodePoint(sub.codePointAt(at)! - 0x21 + 0xff01);
  return `${sub.slice(0, at)}${fullwidth}${sub.slice(at + 1)}`;
}

/** Both members of a twin set `makeTwins` issues, as explicit subjects of their scheme. */
function issuedPair(scheme: string, transform: string): [EnrollOptions, EnrollOptions] {
  const set = makeTwins({ scheme, transform, k: 2, seed: 1 });
  if (!isTwinSet(set)) throw new Error(`no ${scheme} twins under ${transform}: ${set.impossible}`);
  const [a, b] = set.members;
  return [
    { scheme, sub: a!.sub },
    { scheme, sub: b!.sub },
  ];
}

/**
 * The default suite's twin sets: one pair per mapping class, each as realistic as its scheme
 * allows (issued by the scheme where it issues twins, built from an issued id where only a
 * misbehaving issuer would send them). The suite is not told which defect a target has, so it
 * tries every class.
 */
export function twinProbes(): TwinProbe[] {
  const [prefixA, prefixB] = issuedPair('mongo-object-id', 'prefix:20');
  const [hashA, hashB] = issuedPair('uuid-v4', 'sha256-bits:16');
  const [lowA, lowB] = issuedPair('uuid-v1', 'prefix:8');
  const twinOf = (scheme: string, transform: string, name = transform): TwinProbe => ({
    name: `${scheme} ${name}`,
    first: { scheme },
    twin: (sub) => ({ twinOf: { sub, transform } }),
  });
  return [
    twinOf('uuid-v1', 'slice:9:36'),
    { name: 'uuid-v1 prefix:8', first: lowA, twin: () => lowB },
    { name: 'mongo-object-id prefix:20', first: prefixA, twin: () => prefixB },
    twinOf('okta', 'lower'),
    twinOf('salesforce-15', 'mariadb-ci'),
    twinOf('google', 'number'),
    { name: 'uuid-v4 sha256-bits:16', first: hashA, twin: () => hashB },
    twinOf('uuid-v1', 'email'),
    {
      name: 'okta nfkc',
      first: { scheme: 'okta' },
      twin: (sub) => ({ sub: fullwidthTwin(sub) }),
    },
    { name: 'okta trim', first: { scheme: 'okta' }, twin: (sub) => ({ sub: `${sub} ` }) },
    // Two identity providers that both number their users from 1: the same sub at each, for two
    // different people. Only the pair (iss, sub) tells them apart (OpenID Connect Core 1.0, 2).
    {
      name: 'sequential issuer',
      first: { scheme: 'sequential' },
      twin: (sub) => ({ scheme: 'sequential', sub, identityProvider: 1 }),
      identityProviders: 2,
    },
    // An identity provider whose UserInfo answers for another account (a stale cache, a mixed-up
    // session): the ID token names the twin, UserInfo the first. A correct target refuses the
    // twin's login or keeps to the ID token (OpenID Connect Core 1.0, 5.3.2).
    {
      name: 'uuid-v4 userinfo-sub',
      first: { scheme: 'uuid-v4' },
      twin: (sub) => ({ scheme: 'uuid-v4', userinfoOf: sub }),
      twinRefusalAllowed:
        "the identity provider answered UserInfo with another account's sub than the ID token's",
    },
  ];
}

/** Of `probes`, those a world can run: needing no more identity providers than it has. */
export function runnableProbes(probes: TwinProbe[], identityProviders: number): TwinProbe[] {
  return probes.filter((probe) => (probe.identityProviders ?? 1) <= identityProviders);
}
