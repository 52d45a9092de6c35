import { html } from './html.ts';

/** One identity system as the sign-in page offers it. */
export interface SignInChoice {
  name: string;
  issuer: string;
  /** Where choosing it leads: the target's own URL that starts the login there. */
  href: string;
}

/**
 * The page a target that trusts several identity systems shows before a login: one link per
 * identity system, the way Medicare.gov offers its own accounts beside Login.gov. Each link
 * carries its issuer in `data-identity-provider`, so a person (or a driver) picks the one their
 * account is at.
 */
export function renderSignInPage(appName: string, choices: SignInChoice[]): string {
  const links = choices.map(
    (choice) =>
      html`<li>
        <a data-identity-provider="${choice.issuer}" href="${choice.href}"
          >Sign in with ${choice.name}</a
        >
      </li>`,
  );
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>Sign in to connect ${appName}</title>
      </head>
      <body>
        <main>
          <h1>Sign in to connect ${appName}</h1>
          <p>Choose the account you use for Medicare.</p>
          <ul id="identity-providers">
            ${links}
          </ul>
        </main>
      </body>
    </html> `.value;
}
