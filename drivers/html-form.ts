import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';

/** A form as a browser would submit it: where, how, and the fields it sends. */
export interface FormSubmission {
  action: URL;
  method: 'GET' | 'POST';
  fields: URLSearchParams;
}

/**
 * Collects what a browser would send for `form` when `submitter` is clicked (HTML Living Standard,
 * "constructing the entry list"): named, enabled controls; checked radios and checkboxes only; the
 * clicked button's name and value only if it has a name. `overrides` replace field values as typing
 * or choosing would.
 */
export function submitForm(
  $: CheerioAPI,
  form: Element,
  pageUrl: string,
  submitter: Element | undefined,
  overrides: Record<string, string> = {},
): FormSubmission {
  const fields = new URLSearchParams();
  $(form)
    .find('input, select, textarea')
    .each((_, control) => {
      const $control = $(control);
      const name = $control.attr('name');
      if (!name || $control.is('[disabled]')) return;
      const type = ($control.attr('type') ?? 'text').toLowerCase();
      if (['submit', 'button', 'image', 'reset', 'file'].includes(type)) return;
      if ((type === 'radio' || type === 'checkbox') && !(name in overrides)) {
        if ($control.is('[checked]')) fields.append(name, $control.attr('value') ?? 'on');
        return;
      }
      if (type === 'radio' || type === 'checkbox') return;
      if (control.tagName === 'select') {
        const selected = $control.find('option[selected]').first();
        const option = selected.length ? selected : $control.find('option').first();
        fields.append(name, option.attr('value') ?? option.text());
        return;
      }
      fields.append(
        name,
        control.tagName === 'textarea' ? $control.text() : ($control.attr('value') ?? ''),
      );
    });

  for (const [name, value] of Object.entries(overrides)) fields.set(name, value);
  const submitterName = submitter ? $(submitter).attr('name') : undefined;
  if (submitter && submitterName) fields.append(submitterName, $(submitter).attr('value') ?? '');

  const method = ($(form).attr('method') ?? 'get').toUpperCase() === 'POST' ? 'POST' : 'GET';
  const action = new URL($(form).attr('action') ?? '', pageUrl);
  return { action, method, fields };
}
