/**
 * A partner's own words without a fork: interface strings replaced by id
 * (`configure({ messages })`) and content pack texts replaced by path (`configure({ texts })`).
 * Both are only ever shown as text: an override can change words, never markup, links or numbers.
 */
import { UI_LOCALES } from './locale.js';
import type { ContentPack } from '../sdk/schema.js';

/**
 * Interface strings by locale, then by id: the `id` of the string's `<trans-unit>` in the
 * package's `locales/<locale>.xlf` (English is each unit's `<source>`). `{0}`, `{1}`… stand for the
 * string's placeholders, in the order of the source's `<x id="0">`, `<x id="1">`….
 */
export type Messages = Partial<Record<string, Record<string, string>>>;

/**
 * Pack texts by path, then by locale. The paths are the ids of `npm run content:export`
 * (`rights[0].title`, `consent.agree`). Only texts: a phone number, a link or a date is not one.
 */
export type Texts = Record<string, Partial<Record<string, string>>>;

const warned = new Set<string>();
export function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(`[lindungi] ${message}`);
}

const isShipped = (locale: string) => (UI_LOCALES as readonly string[]).includes(locale);

let messages = new Map<string, Map<string, string>>();

/** Keep what can be used of `given`, warning once about each part that cannot. */
function checkedMessages(given: Messages | undefined): Map<string, Map<string, string>> {
  const checked = new Map<string, Map<string, string>>();
  for (const [locale, byId] of Object.entries(given ?? {})) {
    if (!isShipped(locale)) {
      warnOnce(`configure({ messages }): "${locale}" is not a shipped locale (${UI_LOCALES.join(', ')}); its strings are not used.`);
      continue;
    }
    const own = new Map<string, string>();
    for (const [id, text] of Object.entries(byId ?? {})) {
      if (typeof text === 'string' && text.trim()) own.set(id, text);
      else warnOnce(`configure({ messages }): ${locale} "${id}" is not a text; the shipped string is kept.`);
    }
    checked.set(locale, own);
  }
  return checked;
}

/** Replace interface strings from now on (`undefined` returns to the shipped ones). */
export function setMessages(given: Messages | undefined): void {
  messages = checkedMessages(given);
}

/** The partner's text for string `id` in `locale`, if there is one. */
export function messageOverride(locale: string, id: string): string | undefined {
  return messages.size ? messages.get(locale)?.get(id) : undefined;
}

export const hasMessageOverrides = (): boolean => messages.size > 0;

/** Run `fn` (a render on the server, which runs to its end at once) with `given` in place of the page's overrides. */
export function withMessages<T>(given: Messages | undefined, fn: () => T): T {
  const previous = messages;
  messages = checkedMessages(given);
  try {
    return fn();
  } finally {
    messages = previous;
  }
}

/**
 * A partner's text with its placeholders filled: a string where the string had none or only text
 * in them, else the parts in order (text stays text; the values are the widget's own). Undefined
 * where the text names a placeholder the string does not have.
 */
export function fillOverride(text: string, values: readonly unknown[], asParts: boolean): string | unknown[] | undefined {
  const parts = text.split(/\{(\d+)\}/);
  const filled: unknown[] = [];
  for (let i = 0; i < parts.length; i++) {
    if (i % 2 === 0) {
      if (parts[i]) filled.push(parts[i]);
    } else {
      const index = Number(parts[i]);
      if (index >= values.length) return undefined;
      filled.push(values[index]);
    }
  }
  return asParts ? filled : filled.map(String).join('');
}

/** `rights[0].title` → `['rights', 0, 'title']`. */
function steps(path: string): (string | number)[] | undefined {
  if (!/^[A-Za-z_$][\w$]*(\[\d+\]|\.[A-Za-z_$][\w$]*)*$/.test(path)) return undefined;
  return [...path.matchAll(/([A-Za-z_$][\w$]*)|\[(\d+)\]/g)].map((m) => (m[2] === undefined ? m[1]! : Number(m[2])));
}

/** A localized text: an object of locale → string, nothing else. */
function isLocalizedText(node: unknown): node is Record<string, string> {
  return (
    !!node && typeof node === 'object' && !Array.isArray(node) && Object.values(node).length > 0 && Object.values(node).every((v) => typeof v === 'string')
  );
}

/**
 * `pack` with `texts` in place of its own, in a copy (the pack itself is shared). A path that is
 * not a text of the pack, a locale that is not shipped or a value that is not a text is left out
 * with a warning.
 */
export function withTexts(pack: ContentPack, texts: Texts | undefined): ContentPack {
  if (!texts || !Object.keys(texts).length) return pack;
  const copy = structuredClone(pack);
  for (const [path, byLocale] of Object.entries(texts)) {
    let node: unknown = copy;
    for (const step of steps(path) ?? [Symbol.for('no path')])
      node = node && typeof node === 'object' ? (node as Record<string | number, unknown>)[step as string] : undefined;
    if (!isLocalizedText(node)) {
      warnOnce(`configure({ texts }): "${path}" is not a text of the ${pack.corridor.id} pack; it is left as it is.`);
      continue;
    }
    for (const [locale, text] of Object.entries(byLocale ?? {})) {
      if (!isShipped(locale)) warnOnce(`configure({ texts }): "${path}": "${locale}" is not a shipped locale (${UI_LOCALES.join(', ')}).`);
      else if (typeof text !== 'string' || !text.trim()) warnOnce(`configure({ texts }): "${path}" (${locale}) is not a text; the pack's own is kept.`);
      else node[locale] = text;
    }
  }
  return copy;
}

let texts: Texts | undefined;
let overlaid = new WeakMap<ContentPack, ContentPack>();

/** Replace pack texts from now on (`undefined` returns to the pack's own). */
export function setTexts(given: Texts | undefined): void {
  texts = given;
  overlaid = new WeakMap();
}

/** The pack as the page's widgets show it: with the page's texts, made once per pack. */
export function pageTexts(pack: ContentPack): ContentPack {
  if (!texts) return pack;
  let shown = overlaid.get(pack);
  if (!shown) overlaid.set(pack, (shown = withTexts(pack, texts)));
  return shown;
}
