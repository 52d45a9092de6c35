import { ManualClock } from '../core/clock.ts';
import { seededRandom } from '../core/random.ts';
import { createScheme } from '../subjects/registry.ts';
import type { TwinMember } from './twin-set.ts';
import type { TwinRequest } from './twin-request.ts';

/**
 * Accounts one issuer makes with the requested scheme, one every `stepMs` (0: all in one
 * millisecond), each with its own email address. Lazy, so a search stops issuing when it is done.
 */
export function* issueAccounts(
  request: TwinRequest,
  stepMs: number,
  iss = request.iss,
): Generator<TwinMember> {
  const clock = new ManualClock(request.startMs);
  const scheme = createScheme(
    request.scheme,
    {
      clock,
      random: seededRandom(request.seed),
    },
    request.schemeOptions,
  );

  for (let i = 0; ; i += 1) {
    if (i > 0) clock.advance(stepMs);
    const sub = scheme.next();
    yield { iss, sub, claims: { email: `user-${i + 1}@example.test` }, createdAtMs: clock.now() };
  }
}
