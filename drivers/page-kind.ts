import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { TwinsubError } from '../core/twinsub-error.ts';
import { BLUE_BUTTON_CONSENT } from '../config/blue-button-defaults.ts';
import type { ConsentSelectors } from '../config/twinsub-config.ts';

/** What a page asks of the person, recognised the way a person would: by its form. */
export type PageKind =
  | {
      kind: 'login';
      form: Element;
      usernameField: string;
      passwordField: string;
      submit: Element | undefined;
    }
  | {
      kind: 'consent';
      form: Element;
      demographics: ConsentSelectors['demographics'];
      approve: Element | undefined;
      deny: Element | undefined;
    }
  | { kind: 'other' };

/** The consent form of a Blue Button-shaped target (DOMAIN.md section 5). */
export const CONSENT_FORM = 'form#authorizationForm';
/** Fields a person types a username or email into. */
export const USERNAME_FIELD = 'input:not([type]), input[type=text], input[type=email]';
/** What submits a form when clicked. */
export const SUBMIT_BUTTON = 'button[type=submit], input[type=submit], button:not([type])';

/**
 * `selectors` describe the target's consent page (default: Blue Button's). A configured form
 * whose approve selector matches nothing is a configuration mistake, named as one.
 */
export function classifyPage(
  $: CheerioAPI,
  selectors: ConsentSelectors = BLUE_BUTTON_CONSENT,
): PageKind {
  const consent = $(selectors.form).get(0) as Element | undefined;
  if (consent) {
    const approve = $(consent).find(selectors.approve).get(0) as Element | undefined;
    if (!approve && selectors !== BLUE_BUTTON_CONSENT) {
      throw new TwinsubError(
        'INVALID_OPTION',
        `consent.approve must match an element inside consent.form on the consent page ` +
          `(got '${selectors.approve}': it matches nothing)`,
      );
    }
    return {
      kind: 'consent',
      form: consent,
      demographics: selectors.demographics,
      approve,
      deny: (selectors.deny === undefined ? undefined : $(consent).find(selectors.deny).get(0)) as
        Element | undefined,
    };
  }

  const password = $('form input[type=password]').first();
  const form = password.closest('form').get(0) as Element | undefined;
  // A form to submit that is no login form, where configured selectors expect the consent page.
  if (!form && selectors !== BLUE_BUTTON_CONSENT && $('form').find(SUBMIT_BUTTON).length > 0) {
    throw new TwinsubError(
      'INVALID_OPTION',
      `consent.form must match the form on the consent page ` +
        `(got '${selectors.form}': it matches nothing)`,
    );
  }
  if (!form) return { kind: 'other' };
  const username = $(form)
    .find(USERNAME_FIELD)
    .filter((_, el) => Boolean($(el).attr('name')))
    .first();
  return {
    kind: 'login',
    form,
    usernameField: username.attr('name') ?? 'username',
    passwordField: password.attr('name') ?? 'password',
    submit: $(form).find(SUBMIT_BUTTON).get(0),
  };
}
