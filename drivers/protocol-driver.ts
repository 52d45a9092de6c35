import * as cheerio from 'cheerio';
import { CookieJar } from 'tough-cookie';
import { TwinsubError } from '../core/twinsub-error.ts';
import {
  DEFAULT_IDENTITY_PROVIDER,
  MAX_LOGIN_STEPS,
  shorten,
  type Driver,
  type LoginOutcome,
  type LoginRequest,
} from './driver.ts';
import { submitForm, type FormSubmission } from './html-form.ts';
import type { ConsentSelectors } from '../config/twinsub-config.ts';
import { classifyPage } from './page-kind.ts';
import type { Element } from 'domhandler';

/**
 * A person with a plain HTTP client: a fresh cookie jar per login, redirects followed one by one,
 * and the same HTML forms a browser shows filled in and submitted.
 */
export function protocolDriver(options: { consent?: ConsentSelectors } = {}): Driver {
  const stop = async () => {};
  const login = (request: LoginRequest) => loginWith(request, options.consent);
  return { name: 'protocol', login, stop, [Symbol.asyncDispose]: stop };
}

async function loginWith(
  request: LoginRequest,
  consent: ConsentSelectors | undefined,
): Promise<LoginOutcome> {
  const jar = new CookieJar();
  let next: FormSubmission = {
    action: new URL(request.startUrl),
    method: 'GET',
    fields: new URLSearchParams(),
  };

  let loginForms = 0;
  let chosen = false;
  for (let requests = 1; requests <= MAX_LOGIN_STEPS; requests += 1) {
    const response = await send(jar, next);
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      next = {
        action: new URL(location, next.action),
        method: 'GET',
        fields: new URLSearchParams(),
      };
      continue;
    }

    const html = await response.text();
    const $ = cheerio.load(html);
    const page = classifyPage($, consent);
    const pageUrl = next.action.href;
    // The form again after submitting it means the identity system refused the credentials.
    if (page.kind === 'login' && loginForms++ === 0) {
      const overrides = {
        [page.usernameField]: request.username,
        [page.passwordField]: request.password,
      };
      next = submitForm($, page.form, pageUrl, page.submit, overrides);
      continue;
    }
    if (page.kind === 'consent') {
      const { demographics } = page;
      const overrides: Record<string, string> = demographics
        ? {
            [demographics.field]:
              request.shareDemographics === false ? demographics.withhold : demographics.share,
          }
        : {};
      const submitter = request.approve === false ? page.deny : page.approve;
      next = submitForm($, page.form, pageUrl, submitter, overrides);
      continue;
    }
    // The target asks which identity system to sign in with: the person picks theirs, once.
    const choice = chosen
      ? undefined
      : ($(request.identityProvider ?? DEFAULT_IDENTITY_PROVIDER).get(0) as Element | undefined);
    if (page.kind === 'other' && choice) {
      chosen = true;
      const href = $(choice).attr('href');
      const form = $(choice).closest('form').get(0) as Element | undefined;
      if (href !== undefined) {
        next = { action: new URL(href, pageUrl), method: 'GET', fields: new URLSearchParams() };
        continue;
      }
      if (form) {
        next = submitForm($, form, pageUrl, choice);
        continue;
      }
    }
    return {
      finalUrl: pageUrl,
      status: response.status,
      title: $('title').first().text().trim(),
      excerpt: shorten($('body').text()),
      requests,
    };
  }
  throw new TwinsubError(
    'UNSUPPORTED',
    `Failed to finish a login: more than ${MAX_LOGIN_STEPS} pages and redirects from ${request.startUrl}`,
  );
}

async function send(jar: CookieJar, submission: FormSubmission): Promise<Response> {
  const url = new URL(submission.action);
  if (submission.method === 'GET') {
    for (const [name, value] of submission.fields) url.searchParams.append(name, value);
  }
  const headers: Record<string, string> = { cookie: await jar.getCookieString(url.href) };
  if (submission.method === 'POST') headers['content-type'] = 'application/x-www-form-urlencoded';
  const response = await fetch(url, {
    method: submission.method,
    headers,
    body: submission.method === 'POST' ? submission.fields.toString() : undefined,
    redirect: 'manual',
  });
  for (const cookie of response.headers.getSetCookie()) {
    await jar.setCookie(cookie, url.href, { ignoreError: true });
  }
  return response;
}
