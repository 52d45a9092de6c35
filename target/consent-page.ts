import { html } from './html.ts';
import type { AuthorizationRequest } from './authorization-request.ts';

export interface ConsentPageInput {
  appName: string;
  request: AuthorizationRequest;
  /** The beneficiary's name as the identity system gave it, so a person sees who is logged in. */
  beneficiaryName: string;
}

/**
 * BB2.0's consent page (DOMAIN.md section 5): a form with no `action`, so it posts back to the
 * authorize URL; hidden copies of the authorization parameters; the `share_demographic_scopes`
 * choice; an approve submit named `allow` and a deny submit with no name, so a denial is a post
 * without `allow`.
 */
export function renderConsentPage({ appName, request, beneficiaryName }: ConsentPageInput): string {
  const hidden = Object.entries(request).map(
    ([name, value]) => html` <input type="hidden" name="${name}" value="${value}" />`,
  );
  const scopes = request.scope
    .split(' ')
    .filter((scope) => scope.length > 0)
    .map((scope) => html`<li>${scope}</li>`);

  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>Approve access for ${appName}</title>
      </head>
      <body>
        <main>
          <h1>${appName} wants to access your Medicare claims data</h1>
          <p>Logged in as <span id="beneficiary-name">${beneficiaryName}</span>.</p>
          <ul id="requested-scopes">
            ${scopes}
          </ul>
          <form id="authorizationForm" method="post">
            ${hidden}
            <fieldset>
              <legend>Share your name, date of birth and address?</legend>
              <label>
                <input type="radio" name="share_demographic_scopes" value="True" checked />
                Yes, share all my information
              </label>
              <label>
                <input type="radio" name="share_demographic_scopes" value="False" />
                No, share only my claims data
              </label>
            </fieldset>
            <input type="submit" name="allow" value="Allow" />
            <input type="submit" value="Deny" />
          </form>
        </main>
      </body>
    </html> `.value;
}
