import { load } from 'cheerio';
import { CookieJar } from 'tough-cookie';

/** A page the browser stopped at: its URL, status and HTML (empty for redirects). */
export interface Visited {
  url: URL;
  status: number;
  html: string;
}

/**
 * Just enough of a browser for the simulator's tests: a cookie jar, redirects followed by hand
 * while they stay on `origin`, and forms submitted as a person would submit them. A redirect to
 * any other origin (the relying party's callback) is returned, not followed.
 */
export class HttpBrowser {
  readonly #origin: string;
  readonly #jar = new CookieJar();

  constructor(origin: string) {
    this.#origin = new URL(origin).origin;
  }

  async open(
    url: URL | string,
    init: { method?: string; form?: URLSearchParams } = {},
  ): Promise<Visited> {
    let next = new URL(url);
    let method = init.method ?? 'GET';
    let body = init.form;
    for (let hop = 0; hop < 10; hop += 1) {
      const response = await fetch(next, {
        method,
        redirect: 'manual',
        headers: {
          cookie: await this.#jar.getCookieString(next.href),
          ...(body && { 'content-type': 'application/x-www-form-urlencoded' }),
        },
        body: body?.toString(),
      });
      for (const cookie of response.headers.getSetCookie()) {
        await this.#jar.setCookie(cookie, next.href);
      }
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || location === null) {
        return { url: next, status: response.status, html: await response.text() };
      }
      await response.arrayBuffer();
      next = new URL(location, next);
      if (next.origin !== this.#origin) return { url: next, status: response.status, html: '' };
      method = 'GET';
      body = undefined;
    }
    throw new Error(`more than 10 redirects from ${String(url)}`);
  }

  /** Fills the form `selector` on `page` with `values` (and a button's name) and submits it. */
  submit(page: Visited, selector: string, values: Record<string, string>): Promise<Visited> {
    const $ = load(page.html);
    const form = $(selector);
    if (form.length !== 1) throw new Error(`no single ${selector} on ${page.url.href}`);
    const fields = new URLSearchParams();
    form.find('input[name]').each((_, input) => {
      const name = $(input).attr('name') ?? '';
      fields.set(name, $(input).attr('value') ?? '');
    });
    // Values for fields the form lacks stand for the pressed button's name and value.
    for (const [name, value] of Object.entries(values)) fields.set(name, value);
    const action = new URL(form.attr('action') ?? page.url.href, page.url);
    return this.open(action, { method: form.attr('method')?.toUpperCase() ?? 'GET', form: fields });
  }
}
