/** A fragment of HTML that is already safe to place in a page: built by `html` or `raw` only. */
export class SafeHtml {
  readonly #text: string;

  constructor(text: string) {
    this.#text = text;
  }

  toString(): string {
    return this.#text;
  }
}

/** What a template may interpolate: text (escaped), safe fragments, and lists of either. */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | HtmlValue[];

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for any place in a page: element content and quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/**
 * Escapes text for element content only, where quotes mean nothing. Excerpts are JSON full of
 * quotes, and `&quot;` for each would make a large run's report a megabyte heavier.
 */
function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => ESCAPES[c]!);
}

/**
 * Tagged template that escapes every interpolated value unless it is a `SafeHtml`. Everything in a
 * report comes from results.json, which holds what a target returned: it is untrusted text, so
 * escaping is the default and trusting a string takes an explicit `raw()`.
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  const { parts, inText } = compiled(strings);
  let text = parts[0] ?? '';
  for (const [i, value] of values.entries()) {
    text += render(value, inText[i] ? escapeText : escapeHtml) + (parts[i + 1] ?? '');
  }
  return new SafeHtml(text);
}

/** Marks text the caller wrote itself (styles, inline SVG paths) as safe. Never for results. */
export function raw(text: string): SafeHtml {
  return new SafeHtml(text);
}

function render(value: HtmlValue, escape: (text: string) => string): string {
  if (value instanceof SafeHtml) return value.toString();
  if (Array.isArray(value)) return value.map((v) => render(v, escape)).join('');
  if (value === null || value === undefined || value === false) return '';
  return escape(String(value));
}

interface CompiledTemplate {
  parts: string[];
  /** Per interpolation: true when it stands in element content, outside any tag. */
  inText: boolean[];
}

const COMPILED = new WeakMap<TemplateStringsArray, CompiledTemplate>();

/**
 * Squeezes the templates' own line breaks and indentation to one space (they are there for the
 * source's sake, and in a 1,000-beneficiary report would add a megabyte), and notes for each
 * interpolation whether it is inside a tag. Interpolated values cannot open or close a tag (they
 * are escaped or are whole fragments), so the template's own text decides.
 */
function compiled(strings: TemplateStringsArray): CompiledTemplate {
  const known = COMPILED.get(strings);
  if (known) return known;

  const parts = strings.map((s) => s.replace(/\s*\n\s*/g, ' '));
  const inText: boolean[] = [];
  let inTag = false;
  for (const part of parts.slice(0, -1)) {
    for (const char of part) {
      if (char === '<') inTag = true;
      else if (char === '>') inTag = false;
    }
    inText.push(!inTag);
  }
  const template = { parts, inText };
  COMPILED.set(strings, template);
  return template;
}
