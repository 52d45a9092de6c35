import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Interaction, Provider } from 'oidc-provider';
import { logger } from '../core/log.ts';
import type { AccountStore } from './account-store.ts';
import { htmlEscape } from './html-escape.ts';
import { loginPage } from './login-page.ts';
import { PAGE_SECURITY_POLICY, plainPage } from './plain-page.ts';
import { readBody } from './read-body.ts';

/** Path prefix of the simulator's own pages; oidc-provider sends browsers here to log in. */
export const INTERACTION_PATH = '/interaction/';

const WRONG_CREDENTIALS = 'Wrong username or password.';

const log = logger('simulator:interaction');

/**
 * Serves the login form at `/interaction/<uid>` (GET) and checks what it posts back (POST).
 * A wrong username or password shows the form again, with the message, and status 200.
 */
export function interactionHandler(provider: Provider, accounts: AccountStore) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // Interaction uids are URL-safe (oidc-provider's nanoid), so the path needs no decoding.
    const uid = new URL(req.url ?? '/', 'http://x').pathname
      .slice(INTERACTION_PATH.length)
      .replace(/\/$/, '');

    const interaction = await provider.interactionDetails(req, res).catch((error: unknown) => {
      log('interaction %s not found: %O', uid, error);
      return undefined;
    });
    if (interaction === undefined || interaction.uid !== uid) {
      sendPage(res, 400, 'Sign-in expired', EXPIRED);
      return;
    }

    if (interaction.prompt.name === 'consent') {
      await grantRequestedScopes(provider, interaction, req, res);
      return;
    }
    if (interaction.prompt.name !== 'login') {
      sendPage(res, 400, 'Unsupported prompt', unsupported(interaction.prompt.name));
      return;
    }

    const view = { action: `${INTERACTION_PATH}${uid}`, clientId: clientOf(interaction) };
    if (req.method === 'GET') {
      sendHtml(res, 200, loginPage(view));
      return;
    }
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'GET, POST' }).end();
      return;
    }

    const form = new URLSearchParams(await readBody(req));
    const username = form.get('username') ?? '';
    const account = accounts.byUsername(username);
    if (account === undefined || account.password !== (form.get('password') ?? '')) {
      log('interaction %s: wrong credentials for username %o', uid, username);
      sendHtml(res, 200, loginPage({ ...view, username, error: WRONG_CREDENTIALS }));
      return;
    }

    log('interaction %s: %s logged in as sub %s', uid, username, account.sub);
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: account.sub } },
      { mergeWithLastSubmission: false },
    );
  };
}

/** Only reached when a request insists on `prompt=consent`; see `autoConsent` for why. */
async function grantRequestedScopes(
  provider: Provider,
  interaction: Interaction,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const found =
    interaction.grantId === undefined ? undefined : await provider.Grant.find(interaction.grantId);
  const grant =
    found ??
    new provider.Grant({
      accountId: interaction.session?.accountId,
      clientId: clientOf(interaction),
    });
  grant.addOIDCScope(interaction.params.scope ?? 'openid');
  const grantId = await grant.save();

  await provider.interactionFinished(
    req,
    res,
    { consent: { grantId } },
    { mergeWithLastSubmission: true },
  );
}

function clientOf(interaction: Interaction): string {
  return interaction.params.client_id ?? '';
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': PAGE_SECURITY_POLICY,
    'cache-control': 'no-store',
  });
  res.end(html);
}

function sendPage(res: ServerResponse, status: number, title: string, body: string): void {
  sendHtml(res, status, plainPage(title, `<h1>${title}</h1>\n${body}`));
}

const EXPIRED =
  '<p id="error" role="alert">Failed to find this sign-in: it expired, was already used or its ' +
  'cookie is missing. Start again from the application.</p>';

function unsupported(prompt: string): string {
  return `<p id="error" role="alert">The simulator does not support the prompt ${htmlEscape(
    prompt,
  )}.</p>`;
}
