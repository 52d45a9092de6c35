/** The process exit codes of every twinsub command: CI gates on them. */
export const EXIT = {
  /** The run finished and found nothing. */
  clean: 0,
  /** The run finished and found violations or lock-outs. */
  findings: 1,
  /** twinsub could not run: bad input, a busy port, a missing browser, an unreachable part. */
  cannotRun: 2,
} as const;
