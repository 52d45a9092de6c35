import { describe, expect, it } from 'vitest';
import { loginLanes } from './login-lanes.ts';

const at = (minutes: number[]) => minutes.map((m, i) => ({ name: `a${i}`, createdAt: m * 60_000 }));
const names = (lanes: { name: string }[][]) => lanes.map((lane) => lane.map((a) => a.name));

describe('loginLanes', () => {
  it('cuts at the longest gaps and keeps each lane in creation order', () => {
    const accounts = at([0, 1, 30, 31, 32, 90, 91, 200]);

    const lanes = loginLanes(accounts, (a) => a.createdAt, 3);

    expect(names(lanes)).toEqual([['a0', 'a1', 'a2', 'a3', 'a4'], ['a5', 'a6'], ['a7']]);
  });

  it('never separates accounts closer together than every cut', () => {
    const accounts = at([0, 2, 4, 100, 102, 300, 301]);

    const lanes = loginLanes(accounts, (a) => a.createdAt, 3);

    expect(names(lanes)).toEqual([
      ['a0', 'a1', 'a2'],
      ['a3', 'a4'],
      ['a5', 'a6'],
    ]);
  });

  it('makes one lane per account when asked for more lanes than accounts', () => {
    expect(names(loginLanes(at([0, 5]), (a) => a.createdAt, 4))).toEqual([['a0'], ['a1']]);
    expect(loginLanes([], () => 0, 4)).toEqual([]);
  });
});
