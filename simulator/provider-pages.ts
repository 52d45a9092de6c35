import type { KoaContextWithOIDC, UnknownObject } from 'oidc-provider';
import { htmlEscape } from './html-escape.ts';
import { plainPage } from './plain-page.ts';

/**
 * The pages oidc-provider renders itself, replaced because its defaults import a web font
 * (see `plainPage`). Drivers find the error in `#error` and the sign-out choice in `#logout-yes`.
 */
export const providerPages = {
  async renderError(ctx: KoaContextWithOIDC, out: UnknownObject): Promise<void> {
    const lines = Object.entries(out)
      .map(([key, value]) => `<p><strong>${htmlEscape(key)}</strong>: ${htmlEscape(String(value))}`)
      .join('\n');
    ctx.type = 'html';
    ctx.body = plainPage(
      'Sign-in error',
      `<h1>Sign-in error</h1>\n<div id="error">\n${lines}\n</div>`,
    );
  },

  /** `form` is oidc-provider's hidden form with its anti-forgery token (RP-Initiated Logout). */
  async logoutSource(ctx: KoaContextWithOIDC, form: string): Promise<void> {
    ctx.type = 'html';
    ctx.body = plainPage(
      'Sign out',
      `<h1>Sign out of ${htmlEscape(ctx.host)}?</h1>
${form}
<button id="logout-yes" type="submit" form="op.logoutForm" name="logout" value="yes">\
Yes, sign me out</button>
<button id="logout-no" type="submit" form="op.logoutForm">No, stay signed in</button>`,
    );
  },

  async postLogoutSuccessSource(ctx: KoaContextWithOIDC): Promise<void> {
    ctx.type = 'html';
    ctx.body = plainPage('Signed out', '<h1 id="signed-out">You are signed out.</h1>');
  },
};
