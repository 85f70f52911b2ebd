/**
 * Phone and WhatsApp numbers as people type them, read with libphonenumber-js and the metadata
 * of the corridors' countries (see phone-metadata.ts). One rule for the form, the SDK and the server:
 * - written with `+` or `00`: the number names its own country;
 * - written the national way (`0812 …`): read by its shape. Valid in exactly one of the corridor's
 *   countries → that country's; valid in several or in none → not guessed: the reader chooses
 *   the country, and the number must be valid there.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/core';
import { PHONE_COUNTRIES, PHONE_METADATA } from './phone-metadata.js';

export { PHONE_COUNTRIES };

export type PhoneReading =
  /** A number that can be dialled: E.164, its country where known, and as that country writes it. */
  | { state: 'valid'; e164: string; country?: string | undefined; national: string }
  /** A national number that fits several of the corridor's countries, or none: the reader must say which. */
  | { state: 'choose'; fits: string[] }
  /** Not a number that can be dialled (in `country`, when one was chosen). */
  | { state: 'invalid'; country?: string };

const E164 = /^\+[1-9][0-9]{6,14}$/;
const KNOWN_CODES = new Set(Object.keys(PHONE_METADATA.country_calling_codes));

/** `country` (ISO 3166-1 alpha-2) is the one the reader chose for a national number, if any. */
export function readPhone(input: string, country?: string): PhoneReading {
  const compact = input.replace(/[\s().\-\u00a0\u2010-\u2015]/g, '');
  if (!/^(\+|00)?[0-9]+$/.test(compact)) return { state: 'invalid' };
  if (compact.startsWith('+') || compact.startsWith('00')) {
    const e164 = compact.startsWith('+') ? compact : `+${compact.slice(2)}`;
    const parsed = parsePhoneNumberFromString(e164, PHONE_METADATA);
    if (parsed && KNOWN_CODES.has(parsed.countryCallingCode)) {
      return parsed.isValid() ? { state: 'valid', e164: parsed.number, country: parsed.country, national: parsed.formatNational() } : { state: 'invalid' };
    }
    // A country outside the corridors: its own code is all there is to check, so the shape is.
    const code = KNOWN_CODES.has(e164.slice(1, 3)) || KNOWN_CODES.has(e164.slice(1, 4));
    return E164.test(e164) && !code ? { state: 'valid', e164, national: e164 } : { state: 'invalid' };
  }
  const inCountry = (c: string) => {
    const parsed = PHONE_COUNTRIES.includes(c) ? parsePhoneNumberFromString(compact, c as CountryCode, PHONE_METADATA) : undefined;
    return parsed?.isValid() ? parsed : undefined;
  };
  if (country) {
    const parsed = inCountry(country);
    return parsed ? { state: 'valid', e164: parsed.number, country, national: parsed.formatNational() } : { state: 'invalid', country };
  }
  const fits = PHONE_COUNTRIES.filter((c) => inCountry(c));
  if (fits.length === 1) {
    const parsed = inCountry(fits[0])!;
    return { state: 'valid', e164: parsed.number, country: fits[0], national: parsed.formatNational() };
  }
  return { state: 'choose', fits };
}

/** The number in E.164, or undefined when it cannot be read without a choice, or not at all. */
export function toE164(input: string, country?: string): string | undefined {
  const reading = readPhone(input, country);
  return reading.state === 'valid' ? reading.e164 : undefined;
}

/** An E.164 number grouped the international way (`+62 812 3456 7890`); as given if it is not one of the corridors'. */
export function formatInternational(e164: string): string {
  return parsePhoneNumberFromString(e164, PHONE_METADATA)?.formatInternational() ?? e164;
}
