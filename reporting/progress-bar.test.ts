import { describe, expect, it } from 'vitest';
import { renderProgressBar, renderProgressLine } from './progress-bar.ts';
import { parseProgress, ProgressMeter } from './progress-meter.ts';

describe('progress', () => {
  it('reads the population scenario’s counted lines and nothing else', () => {
    expect(parseProgress('population: 25/200 logins')).toEqual({
      label: 'population',
      done: 25,
      total: 200,
      unit: 'logins',
    });
    expect(parseProgress('population: 200 accounts over one simulated day')).toBeUndefined();
    expect(parseProgress('bene-0001 via app-1: connected')).toBeUndefined();
    expect(parseProgress('population: 0/0 logins')).toBeUndefined();
  });

  it('measures the rate between samples, not from the start of the scenario', () => {
    const meter = new ProgressMeter();
    meter.begin('population', 0);
    const first = meter.update(
      { label: 'population', done: 25, total: 200, unit: 'logins' },
      50_000,
    );
    expect(first.rate).toBe(0.5);
    const second = meter.update(
      { label: 'population', done: 75, total: 200, unit: 'logins' },
      60_000,
    );
    expect(second.rate).toBe(5);
    expect(second.etaSeconds).toBe(25);
  });

  it('draws a bar with counts, rate and time left', () => {
    const state = {
      label: 'population',
      done: 90,
      total: 200,
      unit: 'logins',
      rate: 3.14,
      etaSeconds: 35.03,
    };
    expect(renderProgressBar(state, 20)).toBe(
      'population [#########-----------] 90/200 logins  3.1/s  ETA 36 s',
    );
    expect(renderProgressLine(state)).toBe('population: 90/200 logins (3.1 logins/s)');
  });

  it('drops the time left once the task is done', () => {
    const state = {
      label: 'population',
      done: 200,
      total: 200,
      unit: 'logins',
      rate: 4,
      etaSeconds: 0,
    };
    expect(renderProgressBar(state, 10)).toBe('population [##########] 200/200 logins  4.0/s');
  });
});
