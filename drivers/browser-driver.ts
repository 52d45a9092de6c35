import { chromium, type Browser, type Page } from 'playwright-core';
import { TwinsubError } from '../core/twinsub-error.ts';
import {
  MAX_LOGIN_STEPS,
  shorten,
  type Driver,
  type LoginOutcome,
  type LoginRequest,
} from './driver.ts';
import { CHROMIUM_ARGS, findBrowser } from './find-browser.ts';
import { CONSENT_FORM } from './page-kind.ts';

export interface BrowserDriverOptions {
  /** A browser someone else started and stops (Playwright Test's `browser` fixture). */
  browser?: Browser;
  /** Per-action time limit in ms. Default 15,000. */
  actionTimeoutMs?: number;
}

/** A person in a real Chromium: each login in a fresh browser context, typing and clicking. */
export async function browserDriver(options: BrowserDriverOptions = {}): Promise<Driver> {
  const owned = !options.browser;
  const browser =
    options.browser ??
    (await chromium.launch({ executablePath: findBrowser(), args: CHROMIUM_ARGS, headless: true }));
  const timeout = options.actionTimeoutMs ?? 15_000;

  const stop = async () => {
    if (owned) await browser.close();
  };
  const login = async (request: LoginRequest): Promise<LoginOutcome> => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(timeout);
      // Nothing outside this machine exists here; a page that reaches out would only wait.
      await context.route(
        (url) => !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname),
        (route) => route.abort('blockedbyclient'),
      );
      return await walk(page, request);
    } finally {
      await context.close();
    }
  };
  return { name: 'browser', login, stop, [Symbol.asyncDispose]: stop };
}

async function walk(page: Page, request: LoginRequest): Promise<LoginOutcome> {
  let status = 0;
  let requests = 0;
  page.on('response', (response) => {
    if (!response.request().isNavigationRequest() || response.frame() !== page.mainFrame()) return;
    requests += 1;
    status = response.status();
  });

  await page.goto(request.startUrl);
  for (let step = 0; step < MAX_LOGIN_STEPS; step += 1) {
    await page.waitForLoadState('load');
    const password = page.locator('form input[type=password]').first();
    if ((await page.locator(CONSENT_FORM).count()) > 0) {
      await answerConsent(page, request);
      continue;
    }
    if ((await password.count()) > 0) {
      const form = page.locator('form', { has: password });
      await form
        .locator('input:not([type]), input[type=text], input[type=email]')
        .first()
        .fill(request.username);
      await password.fill(request.password);
      await form
        .locator('button[type=submit], input[type=submit], button:not([type])')
        .first()
        .click();
      continue;
    }
    return {
      finalUrl: page.url(),
      status,
      title: await page.title(),
      excerpt: shorten(await page.locator('body').innerText()),
      requests,
      screenshot: await page.screenshot(),
    };
  }
  throw new TwinsubError(
    'UNSUPPORTED',
    `Failed to finish a login: more than ${MAX_LOGIN_STEPS} pages from ${request.startUrl}`,
  );
}

async function answerConsent(page: Page, request: LoginRequest): Promise<void> {
  const form = page.locator(CONSENT_FORM);
  const share = request.shareDemographics === false ? 'False' : 'True';
  const choice = form.locator(`[name=share_demographic_scopes][value=${share}]`);
  if ((await choice.count()) > 0) await choice.check();
  const submit =
    request.approve === false
      ? form.locator('button[type=submit]:not([name]), input[type=submit]:not([name])')
      : form.locator('[name=allow]');
  await submit.first().click();
}
