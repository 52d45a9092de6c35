import { describe, expect, it } from 'vitest';
import { DEFAULT_EPOCH_MS, ManualClock } from '../core/clock.ts';
import { seededRandom } from '../core/random.ts';
import { TwinsubError } from '../core/twinsub-error.ts';
import { createScheme, SCHEME_NAMES } from './registry.ts';

function context() {
  return { clock: new ManualClock(DEFAULT_EPOCH_MS), random: seededRandom(42) };
}

describe('scheme registry', () => {
  it('creates every listed scheme under its own name', () => {
    for (const name of SCHEME_NAMES) {
      const scheme = createScheme(name, context());
      expect(scheme.name).toBe(name);
      expect(scheme.validate(scheme.next())).toBe(true);
    }
  });

  it('passes options through to the scheme', () => {
    const scheme = createScheme('uuid-v1', context(), { node: '0123456789ab', clockSeq: 1 });

    expect(scheme.next().slice(19)).toBe('8001-0123456789ab');
  });

  it('names the known schemes when asked for an unknown one', () => {
    const attempt = () => createScheme('uuid-v9', context());

    expect(attempt).toThrowError(TwinsubError);
    expect(attempt).toThrowError(
      `scheme must be one of ${SCHEME_NAMES.join(', ')} (got 'uuid-v9')`,
    );
    expect(() => createScheme('toString', context())).toThrowError(/got 'toString'/);
  });
});
