import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { TwinsubError } from '../core/twinsub-error.ts';
import {
  DEFAULT_IDENTITY_PROVIDER,
  MAX_LOGIN_STEPS,
  shorten,
  type Driver,
  type LoginOutcome,
  type LoginRequest,
} from './driver.ts';
import { CHROMIUM_ARGS, findBrowser } from './find-browser.ts';
import type { ConsentPageObject, ConsentSelectors } from '../config/twinsub-config.ts';
import { BLUE_BUTTON_CONSENT } from '../config/blue-button-defaults.ts';
import { SUBMIT_BUTTON, USERNAME_FIELD } from './page-kind.ts';

export interface BrowserDriverOptions {
  /** A browser someone else started and stops (Playwright Test's `browser` fixture). */
  browser?: Browser;
  /** Per-action time limit in ms. Default 15,000. */
  actionTimeoutMs?: number;
  /** How to recognise and answer the target's consent page. Default: Blue Button's form. */
  consent?: ConsentSelectors | ConsentPageObject;
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
      return await walk(page, request, options.consent ?? BLUE_BUTTON_CONSENT);
    } finally {
      await context.close();
    }
  };
  return { name: 'browser', login, stop, [Symbol.asyncDispose]: stop };
}

async function walk(
  page: Page,
  request: LoginRequest,
  consent: ConsentSelectors | ConsentPageObject,
): Promise<LoginOutcome> {
  let status = 0;
  let requests = 0;
  page.on('response', (response) => {
    if (!response.request().isNavigationRequest() || response.frame() !== page.mainFrame()) return;
    requests += 1;
    status = response.status();
  });

  await page.goto(request.startUrl);
  let loginForms = 0;
  let chosen = false;
  for (let step = 0; step < MAX_LOGIN_STEPS; step += 1) {
    await page.waitForLoadState('load');
    if (typeof consent === 'function') {
      const approve = request.approve !== false;
      if (
        await consent(page, { approve, shareDemographics: request.shareDemographics !== false })
      ) {
        await page.waitForLoadState('load');
        continue;
      }
    } else if ((await page.locator(consent.form).count()) > 0) {
      await answerConsent(page, request, consent);
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
    // The target asks which identity system to sign in with: the person picks theirs, once.
    const choice = page.locator(request.identityProvider ?? DEFAULT_IDENTITY_PROVIDER).first();
    if ((await form.count()) === 0 && !chosen && (await choice.count()) > 0) {
      chosen = true;
      await clickAndWait(page, choice);
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

async function answerConsent(
  page: Page,
  request: LoginRequest,
  consent: ConsentSelectors,
): Promise<void> {
  const form = page.locator(consent.form);
  const { demographics } = consent;
  if (demographics) {
    const value = request.shareDemographics === false ? demographics.withhold : demographics.share;
    const choice = form.locator(`[name="${demographics.field}"][value="${value}"]`);
    if ((await choice.count()) > 0) await choice.check();
  }
  const selector = request.approve === false ? consent.deny : consent.approve;
  const submit = selector === undefined ? undefined : form.locator(selector);
  if (submit === undefined || (await submit.count()) === 0) {
    throw new TwinsubError(
      'INVALID_OPTION',
      `consent.${request.approve === false ? 'deny' : 'approve'} must match an element inside ` +
        `consent.form on the consent page (got '${selector}': it matches nothing)`,
    );
  }
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
