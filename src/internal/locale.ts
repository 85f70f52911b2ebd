/**
 * Which language a widget speaks: the configured locale, else the closest `lang` attribute
 * (crossing shadow roots), else the browser's languages, else Indonesian.
 */
import { sourceLocale, targetLocales } from '../generated/locale-codes.js';

export type UiLocale = typeof sourceLocale | (typeof targetLocales)[number];

export const UI_LOCALES: readonly UiLocale[] = [sourceLocale, ...targetLocales];
export const FALLBACK_LOCALE: UiLocale = 'id';

const RTL_LANGUAGES = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'dv', 'yi']);
// Older tags still seen in the wild for the same language.
const ALIASES: Record<string, UiLocale> = { in: 'id' };

/** The shipped UI locale for a BCP 47 tag (`id-ID` → `id`), or undefined if none fits. */
export function matchLocale(tag: string | null | undefined): UiLocale | undefined {
  if (!tag) return undefined;
  const lower = tag.trim().toLowerCase();
  const language = lower.split(/[-_]/)[0];
  return UI_LOCALES.find((l) => l.toLowerCase() === lower) ?? UI_LOCALES.find((l) => l.toLowerCase() === language) ?? ALIASES[language];
}

export function directionOf(locale: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(locale.split('-')[0].toLowerCase()) ? 'rtl' : 'ltr';
}

/** Walk up through elements and shadow roots to find `lang` attributes, nearest first. */
function* langAncestors(el: Element): Generator<string> {
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) yield node.getAttribute('lang')!;
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
}

let configuredLocale: UiLocale | undefined;

/** Force one locale for every widget on the page (undefined returns to following the page). */
export function setConfiguredLocale(locale: string | undefined): void {
  const matched = matchLocale(locale);
  if (locale !== undefined && !matched) {
    console.warn(`[lindungi] Locale "${locale}" is not available; available: ${UI_LOCALES.join(', ')}.`);
  }
  configuredLocale = matched;
  notifyLocaleChange();
}

export function resolveLocale(el: Element): UiLocale {
  if (configuredLocale) return configuredLocale;
  for (const lang of langAncestors(el)) {
    const matched = matchLocale(lang);
    if (matched) return matched;
  }
  for (const lang of globalThis.navigator?.languages ?? []) {
    const matched = matchLocale(lang);
    if (matched) return matched;
  }
  return FALLBACK_LOCALE;
}

// One observer for the whole page, however many widgets it has.
const listeners = new Set<() => void>();
let observer: MutationObserver | undefined;

/** Tell every widget to look at its `lang` again (also when a widget's own rendered `lang` changed, which no observer sees inside its shadow root). */
export function notifyLocaleChange(): void {
  for (const listener of listeners) listener();
}

/** Call `listener` whenever a `lang` attribute or the browser's languages change. */
export function watchLocale(listener: () => void): () => void {
  listeners.add(listener);
  if (!observer) {
    observer = new MutationObserver(notifyLocaleChange);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
    window.addEventListener('languagechange', notifyLocaleChange);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && observer) {
      observer.disconnect();
      observer = undefined;
      window.removeEventListener('languagechange', notifyLocaleChange);
    }
  };
}
