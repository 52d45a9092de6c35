import { html } from './html.ts';

/**
 * A self-contained HTML error page (nothing external is loaded). Failed logins end here, which
 * is what a beneficiary sees when a conflated identity locks them out.
 */
export function renderErrorPage(title: string, message: string): string {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>${title}</title>
      </head>
      <body>
        <main>
          <h1>${title}</h1>
          <p id="error-message">${message}</p>
        </main>
      </body>
    </html> `.value;
}
