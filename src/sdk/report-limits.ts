/** The limits of a report (shared by the schema and the report form, which must not load the schema to show them). */
export const DESCRIPTION_MAX = 5000;
export const SHORT_TEXT_MAX = 200;

/** Today's date where it is latest on Earth (UTC+14): a date that is today anywhere is not "in the future". */
export function latestToday(now = new Date()): string {
  return new Date(now.getTime() + 14 * 3600_000).toISOString().slice(0, 10);
}

/**
 * Country calling codes of the origin and destination countries of Indonesian migrant workers:
 * the countries the report form offers for where something happened.
 */
export const CALLING_CODES: Readonly<Record<string, string>> = {
  ID: '62',
  KH: '855',
  MY: '60',
  SG: '65',
  TH: '66',
  VN: '84',
  LA: '856',
  MM: '95',
  PH: '63',
  BN: '673',
  HK: '852',
  TW: '886',
  CN: '86',
  JP: '81',
  KR: '82',
  SA: '966',
  AE: '971',
  QA: '974',
  KW: '965',
  OM: '968',
};
