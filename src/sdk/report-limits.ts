/** The limits of a report (shared by the schema and the report form, which must not load the schema to show them). */
export const DESCRIPTION_MAX = 5000;
export const SHORT_TEXT_MAX = 200;

/** Today's date where it is latest on Earth (UTC+14): a date that is today anywhere is not "in the future". */
export function latestToday(now = new Date()): string {
  return new Date(now.getTime() + 14 * 3600_000).toISOString().slice(0, 10);
}

/**
 * Country calling codes of the origin and destination countries of Indonesian migrant workers,
 * for numbers written the national way (with a leading 0). Also the countries the report form
 * offers.
 */
export const CALLING_CODES: Readonly<Record<string, string>> = {
  ID: '62', KH: '855', MY: '60', SG: '65', TH: '66', VN: '84', LA: '856', MM: '95', PH: '63', BN: '673',
  HK: '852', TW: '886', CN: '86', JP: '81', KR: '82', SA: '966', AE: '971', QA: '974', KW: '965', OM: '968',
};

const E164 = /^\+[1-9][0-9]{6,14}$/;

/**
 * A phone number as people write it → E.164: spaces, dashes, dots and brackets go; `00` becomes `+`;
 * a leading `0` is replaced by the calling code of `country`. Answers undefined when no E.164
 * number can be made (a leading 0 without a known country, letters, too few or too many digits).
 */
export function toE164(input: string, country?: string): string | undefined {
  let number = input.replace(/[\s().\-\u00a0]/g, '');
  if (number.startsWith('00')) number = `+${number.slice(2)}`;
  else if (/^0[1-9]/.test(number)) {
    const code = country ? CALLING_CODES[country] : undefined;
    if (!code) return undefined;
    number = `+${code}${number.slice(1)}`;
  }
  return E164.test(number) ? number : undefined;
}
