/**
 * Pages the simulator serves load nothing from anywhere: browser drivers block every request that
 * is not to 127.0.0.1, and a page waiting on a web font would stall a login.
 */
export const PAGE_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'";

const STYLE =
  'body{font-family:sans-serif;max-width:26rem;margin:2rem auto;padding:0 1rem}' +
  'label,input,button{display:block;width:100%;margin:.25rem 0 .75rem}' +
  '[role=alert]{color:#a00;font-weight:bold}';

/** A complete HTML document; `title` must be plain text, `body` already-escaped HTML. */
export function plainPage(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} - twinsub identity simulator</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}
