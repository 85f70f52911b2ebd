/**
 * A widget's own UI strings, kept apart from the strings every widget loads (the report form has
 * many): loaded with the locale, only on pages that show that widget.
 */
import type { LocaleModule } from '@lit/localize';
import type { targetLocales } from '../generated/locale-codes.js';
import { addUiStrings, isUiLocaleReady, loadUiLocale } from './localization.js';
import type { UiLocale } from './locale.js';

export type OwnStringLoaders = Partial<Record<(typeof targetLocales)[number], () => Promise<LocaleModule>>>;

/** The strings of one widget, by locale. */
export class OwnStrings {
  private readonly ready = new Set<string>();
  private readonly loading = new Map<string, Promise<void>>();

  constructor(private readonly loaders: OwnStringLoaders) {}

  isReady(locale: UiLocale): boolean {
    return isUiLocaleReady(locale) && (!(locale in this.loaders) || this.ready.has(locale));
  }

  load(locale: UiLocale): Promise<void> {
    const loader = this.loaders[locale as keyof OwnStringLoaders];
    if (!loader || this.ready.has(locale)) return loadUiLocale(locale);
    let pending = this.loading.get(locale);
    if (!pending) {
      pending = Promise.all([loadUiLocale(locale), loader()])
        .then(([, module]) => {
          this.ready.add(locale);
          addUiStrings(locale, module);
        })
        .finally(() => this.loading.delete(locale));
      this.loading.set(locale, pending);
    }
    return pending;
  }
}
