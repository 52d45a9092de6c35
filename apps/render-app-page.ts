import type { ServerResponse } from 'node:http';

/** Writes one of the app's plain pages; the title and message are escaped. */
export function renderAppPage(
  res: ServerResponse,
  status: number,
  title: string,
  message: string,
  data: Record<string, string> = {},
): void {
  const attributes = Object.entries(data)
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('');
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(
    `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
      `<body><main id="app-result"${attributes}><h1>${escapeHtml(title)}</h1>` +
      `<p>${escapeHtml(message)}</p></main></body></html>`,
  );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
