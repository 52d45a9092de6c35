import { v1 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { UUID_V1_WINDOW_MS, uuidV1WindowStart } from './uuid-v1-window.ts';

const node = new Uint8Array([1, 2, 3, 4, 5, 6]);
const idAt = (msecs: number) => v1({ node, clockseq: 0x1234, msecs, nsecs: 0 });

describe('uuidV1WindowStart', () => {
  it('starts a window where every id shares all but time_low', () => {
    const start = uuidV1WindowStart(Date.UTC(2026, 0, 5, 9, 0, 0));
    const first = idAt(start);
    const last = idAt(start + UUID_V1_WINDOW_MS - 1);

    // time_low restarts at the window start: under one millisecond's worth of 100-ns ticks.
    expect(Number.parseInt(first.slice(0, 8), 16)).toBeLessThan(10_000);
    expect(first.slice(9)).toBe(last.slice(9));
    expect(first.slice(0, 8)).not.toBe(last.slice(0, 8));
  });

  it('puts the first millisecond of the next window in a new window', () => {
    const start = uuidV1WindowStart(Date.UTC(2026, 0, 5, 9, 0, 0));
    const next = start + UUID_V1_WINDOW_MS + 1;

    expect(uuidV1WindowStart(next)).toBeGreaterThan(start);
    expect(idAt(start).slice(9)).not.toBe(idAt(next).slice(9));
  });

  it('is 429,496 ms long', () => {
    expect(UUID_V1_WINDOW_MS).toBe(429_496);
  });
});
