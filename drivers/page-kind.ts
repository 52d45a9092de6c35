import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';

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
      demographicsField: string;
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

export function classifyPage($: CheerioAPI): PageKind {
  const consent = $(CONSENT_FORM).get(0);
  if (consent) {
    const submits = $(consent).find(SUBMIT_BUTTON);
    return {
      kind: 'consent',
      form: consent,
      demographicsField: 'share_demographic_scopes',
      approve: submits.filter('[name=allow]').get(0),
      deny: submits.filter(':not([name])').get(0),
    };
  }

  const password = $('form input[type=password]').first();
  const form = password.closest('form').get(0) as Element | undefined;
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
