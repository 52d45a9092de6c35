import { htmlEscape } from './html-escape.ts';
import { plainPage } from './plain-page.ts';

export interface LoginPageView {
  /** Where the form posts: the interaction's own URL path. */
  action: string;
  clientId: string;
  /** Username to fill in again after a failed attempt. */
  username?: string;
  /** Shown above the form when set. */
  error?: string;
}

/** The simulator's sign-in form: field names and ids are what drivers and tests rely on. */
export function loginPage(view: LoginPageView): string {
  const error =
    view.error === undefined
      ? ''
      : `<p id="login-error" role="alert">${htmlEscape(view.error)}</p>\n`;

  return plainPage(
    'Sign in',
    `<h1>Sign in</h1>
<p>to continue to <strong id="client-id">${htmlEscape(view.clientId)}</strong></p>
${error}<form id="login-form" method="post" action="${htmlEscape(view.action)}">
<label for="username">Username</label>
<input id="username" name="username" type="text" autocomplete="username" required autofocus \
value="${htmlEscape(view.username ?? '')}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button id="sign-in" type="submit">Sign in</button>
</form>
<p>Test identity system: every account here is synthetic.</p>`,
  );
}
