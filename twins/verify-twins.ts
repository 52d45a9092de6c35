import { createTransform } from '../transforms/create-transform.ts';
import type { TwinSet } from './twin-set.ts';

/**
 * Problems with a twin set's proof: members not distinct under (iss, sub), or not all mapped to
 * the stated key by the stated transform. Empty when the proof holds.
 */
export function verifyTwins(twins: TwinSet): string[] {
  const problems: string[] = [];
  const transform = createTransform(twins.transform);
  const identities = new Set(twins.members.map(({ iss, sub }) => `${iss} ${sub}`));

  if (twins.members.length < 2) problems.push('a twin set needs at least 2 members');
  if (identities.size !== twins.members.length) problems.push('members repeat an (iss, sub)');
  for (const { iss, sub, claims } of twins.members) {
    const key = transform.key(iss, sub, claims);
    if (key !== twins.key) problems.push(`${sub} maps to ${String(key)}, not ${twins.key}`);
  }
  return problems;
}
