const names = new Map<string, Intl.DisplayNames>();

function regionNames(locale: string): Intl.DisplayNames {
  let display = names.get(locale);
  if (!display) {
    display = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    names.set(locale, display);
  }
  return display;
}

/** Whether `code` is an assigned ISO 3166-1 alpha-2 country code (as the browser knows them). */
export function isCountryCode(code: string): boolean {
  if (!/^[A-Za-z]{2}$/.test(code)) return false;
  const upper = code.toUpperCase();
  // Codes reserved for private use are never real countries.
  if (/^(AA|Q[M-Z]|X[A-Z]|ZZ)$/.test(upper)) return false;
  return regionNames('en').of(upper) !== undefined;
}

/** The country's name in `locale`, e.g. `KH` → "Kamboja" in Indonesian. */
export function countryName(code: string, locale: string): string {
  return regionNames(locale).of(code.toUpperCase()) ?? code.toUpperCase();
}

const languageNames = new Map<string, Intl.DisplayNames>();

/** A language's name in `locale`, e.g. `km` → "Khmer". */
export function languageName(code: string, locale: string): string {
  let display = languageNames.get(locale);
  if (!display) {
    display = new Intl.DisplayNames([locale], { type: 'language' });
    languageNames.set(locale, display);
  }
  return display.of(code) ?? code;
}
