/** Where the isolation report's neighbours are, relative to the report directory. */
export const REPORT_LINKS = {
  report: 'report.html',
  playwright: 'playwright/index.html',
  results: 'results.json',
  junit: 'junit.xml',
  /** A folder: the last page of each browser login, one subfolder per scenario and project. */
  screenshots: 'screenshots',
} as const;
