import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { TwinsubError } from '../core/twinsub-error.ts';
import {
  MAX_LOGIN_STEPS,
  shorten,
  type Driver,
  type LoginOutcome,
  type LoginRequest,
} from './driver.ts';
import { CHROMIUM_ARGS, findBrowser } from './find-browser.ts';
import { CONSENT_FORM, SUBMIT_BUTTON, USERNAME_FIELD } from './page-kind.ts';

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
  let loginForms = 0;
  for (let step = 0; step < MAX_LOGIN_STEPS; step += 1) {
    await page.waitForLoadState('load');
    if ((await page.locator(CONSENT_FORM).count()) > 0) {
      await answerConsent(page, request);
      continue;
    }
    // A login form is the form with a password field, as a person would recognise it.
    const form = page
      .locator('form')
      .filter({ has: page.locator('input[type=password]') })
      .first();
    // The form again after submitting it means the identity system refused the credentials.
    if ((await form.count()) > 0 && loginForms === 0) {
      loginForms += 1;
      await form.locator(USERNAME_FIELD).first().fill(request.username);
      await form.locator('input[type=password]').first().fill(request.password);
      await clickAndWait(page, form.locator(SUBMIT_BUTTON).first());
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
  await clickAndWait(page, submit.first());
}

/** Clicks and waits until the page the click leads to has loaded (Playwright's click does not). */
async function clickAndWait(page: Page, target: Locator): Promise<void> {
  const navigated = page.waitForEvent('framenavigated', {
    predicate: (frame) => frame === page.mainFrame(),
  });
  await target.click();
  await navigated;
  await page.waitForLoadState('load');
}
