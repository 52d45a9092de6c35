import { hash } from 'node:crypto';
import type { SchemeContext, Segment, SubjectScheme } from './subject-scheme.ts';
import { OptionProblems } from './option-problems.ts';

export interface PairwiseOptions {
  /** The sector identifier (OpenID Connect Core section 8.1): the client's host. */
  sector?: string;
  /** The issuer's secret salt. Default: 16 bytes from the seed, in hex. */
  salt?: string;
}

/**
 * Pairwise subjects (OpenID Connect Core 1.0 section 8.1): SHA-256 over sector identifier, the
 * local account id and a salt, in base64url (43 characters, as Microsoft Entra's `sub`). The
 * local account ids count up from 1; one scheme instance serves one sector.
 */
export function pairwiseScheme(
  context: SchemeContext,
  options: PairwiseOptions = {},
): SubjectScheme {
  const problems = new OptionProblems('options');
  problems.rejectUnknown(options as Record<string, unknown>, ['sector', 'salt']);
  const { sector = 'rp.twinsub.test', salt } = options;
  problems.require(typeof sector === 'string' && sector !== '', 'sector', 'a host name', sector);
  problems.require(salt === undefined || typeof salt === 'string', 'salt', 'a string', salt);
  problems.throwIfAny();

  const secret = salt ?? Buffer.from(context.random.fork('pairwise').bytes(16)).toString('hex');
  let localId = 0;
  return {
    name: 'pairwise',
    caseSensitive: true,
    next() {
      localId += 1;
      return pairwiseSubject(sector, String(localId), secret);
    },
    // 32 bytes in unpadded base64url: the last character carries 2 bits and four zero bits.
    validate: (sub) => /^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/.test(sub),
    anatomy: () =>
      [{ start: 0, end: 43, kind: 'random', label: 'SHA-256 digest' }] satisfies Segment[],
  };
}

/** One pairwise `sub` (OpenID Connect Core section 8.1's suggested construction). */
export function pairwiseSubject(sector: string, localId: string, salt: string): string {
  return hash('sha256', sector + localId + salt, 'base64url');
}
