/**
 * UI strings come from @lit/localize's `msg()`. Each widget follows its own locale, so the
 * re-entrant mode is used: `msg()` reads the locale of the widget that is rendering right now.
 */
import type { LocaleModule } from '@lit/localize';
import { configureReentrantLocalization } from '@lit/localize/init/reentrant.js';
import { sourceLocale, targetLocales } from '../generated/locale-codes.js';
import type { UiLocale } from './locale.js';

// Written out so every bundler makes one small module per locale, loaded only when needed.
const LOADERS: Record<(typeof targetLocales)[number], () => Promise<LocaleModule>> = {
  id: () => import('../generated/locales/id.js'),
  km: () => import('../generated/locales/km.js'),
  ms: () => import('../generated/locales/ms.js'),
  ar: () => import('../generated/locales/ar.js'),
};

const loaded = new Map<string, LocaleModule>();
const loadListeners = new Set<() => void>();

/** Call `listener` whenever a locale's strings arrive (a widget that gave up on them can switch). */
export function onUiLocaleLoaded(listener: () => void): () => void {
  loadListeners.add(listener);
  return () => loadListeners.delete(listener);
}
const loading = new Map<string, Promise<void>>();
let renderingLocale: string = sourceLocale;
let setUp = false;

function setUpOnce(): void {
  if (setUp) return;
  setUp = true;
  try {
    configureReentrantLocalization({
      sourceLocale,
      targetLocales: [...targetLocales],
      getLocale: () => renderingLocale,
      loadLocaleSync: (locale) => loaded.get(locale),
    });
  } catch {
    // @lit/localize allows one configuration per copy, and the host page made it first. Our
    // strings then follow the host's configuration; the CDN build carries its own copy instead.
    console.warn(
      '[lindungi] @lit/localize was already configured by this page; Lindungi texts follow that configuration. Use the CDN build to keep them separate.',
    );
  }
}

/** Whether the UI strings of `locale` can be rendered now without waiting. */
export function isUiLocaleReady(locale: UiLocale): boolean {
  return locale === sourceLocale || loaded.has(locale);
}

/**
 * Add a widget's own strings to those of `locale` (already loaded): `msg()` then finds both.
 * Every widget shares the core strings; a widget with many of its own loads them apart.
 */
export function addUiStrings(locale: UiLocale, module: LocaleModule): void {
  loaded.set(locale, { templates: { ...loaded.get(locale)?.templates, ...module.templates } });
  for (const listener of loadListeners) listener();
}

/** Load the UI strings of `locale` once per page; resolves when they can be rendered. */
export function loadUiLocale(locale: UiLocale): Promise<void> {
  setUpOnce();
  if (isUiLocaleReady(locale)) return Promise.resolve();
  let pending = loading.get(locale);
  if (!pending) {
    pending = LOADERS[locale as keyof typeof LOADERS]()
      .then((module) => {
        loaded.set(locale, module);
        for (const listener of loadListeners) listener();
      })
      .finally(() => loading.delete(locale));
    loading.set(locale, pending);
  }
  return pending;
}

/** The locale `msg()` answers in right now. */
export const renderingIn = (): string => renderingLocale;

/** Run `fn` (a render, or building a message) with `msg()` answering in `locale`. */
export function inLocale<T>(locale: string, fn: () => T): T {
  const previous = renderingLocale;
  renderingLocale = locale;
  try {
    return fn();
  } finally {
    renderingLocale = previous;
  }
}
