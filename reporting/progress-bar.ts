import type { ProgressState } from './progress-meter.ts';

const BAR_WIDTH = 24;

/** `population [#########-----------] 90/200 logins  3.1/s  ETA 35 s` for a terminal line. */
export function renderProgressBar(state: ProgressState, width = BAR_WIDTH): string {
  const fraction = Math.min(1, state.done / state.total);
  const filled = Math.round(fraction * width);
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
  return [
    `${state.label} ${bar} ${state.done}/${state.total} ${state.unit}`,
    ...(state.rate !== undefined ? [`${state.rate.toFixed(1)}/s`] : []),
    ...(state.etaSeconds !== undefined && state.done < state.total
      ? [`ETA ${Math.ceil(state.etaSeconds)} s`]
      : []),
  ].join('  ');
}

/** The same state as a plain log line, for output that is not a terminal. */
export function renderProgressLine(state: ProgressState): string {
  const rate = state.rate !== undefined ? ` (${state.rate.toFixed(1)} ${state.unit}/s)` : '';
  return `${state.label}: ${state.done}/${state.total} ${state.unit}${rate}`;
}
