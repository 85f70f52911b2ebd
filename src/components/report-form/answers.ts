/**
 * What the reader has answered so far, as the form keeps it (and saves it as a draft on the
 * device), and how it becomes a report draft for the SDK.
 */
import type { ReportDraft } from '../../sdk/report-schema.js';

export const STEPS = ['danger', 'what', 'contact', 'check'] as const;
export type Step = (typeof STEPS)[number];
export type ContactChoice = 'anonymous' | 'phone' | 'whatsapp' | 'email';

export interface Answers {
  inDanger?: 'yes' | 'no' | undefined;
  category?: string | undefined;
  description: string;
  /** `YYYY-MM-DD`, or '' when not given. */
  occurredOn: string;
  occurredUnknown: boolean;
  /** ISO 3166-1 alpha-2. */
  country: string;
  place: string;
  employer: string;
  contact?: ContactChoice | undefined;
  name: string;
  contactValue: string;
  /**
   * The country the reader chose for a phone number written the national way; '' to read it from
   * the number's shape (see readPhone).
   */
  contactCountry: string;
  adult?: 'yes' | 'no' | undefined;
  consent: boolean;
}

/** The form's fields, by step; the names are also those `lindungi-invalid` reports. */
export const STEP_FIELDS: Record<Step, ReadonlyArray<keyof Answers>> = {
  danger: ['inDanger'],
  what: ['category', 'description', 'occurredOn', 'country', 'place', 'employer'],
  contact: ['contact', 'name', 'contactValue', 'contactCountry'],
  check: ['adult', 'consent'],
};

/** An untouched form; the country is filled in with the corridor's destination once the content is here. */
export const emptyAnswers = (): Answers => ({
  description: '',
  occurredOn: '',
  occurredUnknown: false,
  country: '',
  place: '',
  employer: '',
  name: '',
  contactValue: '',
  contactCountry: '',
  consent: false,
});

/** Whether the reader has typed or chosen anything yet (an untouched form is not a draft). */
export function hasAnswers(a: Answers): boolean {
  return !!(
    a.inDanger ||
    a.category ||
    a.description.trim() ||
    a.occurredOn ||
    a.place.trim() ||
    a.employer.trim() ||
    a.contact ||
    a.name.trim() ||
    a.contactValue.trim()
  );
}

const pick = <T extends string>(value: unknown, allowed: readonly T[]): T | undefined => (allowed.includes(value as T) ? (value as T) : undefined);
const text = (value: unknown, max: number): string => (typeof value === 'string' ? value.slice(0, max) : '');

/**
 * A draft read back from the device's storage is input like any other: each field is taken only
 * if it has the right shape, so a damaged or foreign draft never breaks the form.
 */
export function parseStoredAnswers(value: unknown): Answers {
  const v = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const country = (c: unknown) => (typeof c === 'string' && /^[A-Z]{2}$/.test(c) ? c : '');
  return {
    inDanger: pick(v.inDanger, ['yes', 'no'] as const),
    category: typeof v.category === 'string' && /^[a-z0-9-]{1,40}$/.test(v.category) ? v.category : undefined,
    description: text(v.description, 10_000),
    occurredOn: typeof v.occurredOn === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v.occurredOn) ? v.occurredOn : '',
    occurredUnknown: v.occurredUnknown === true,
    country: country(v.country),
    place: text(v.place, 1000),
    employer: text(v.employer, 1000),
    contact: pick(v.contact, ['anonymous', 'phone', 'whatsapp', 'email'] as const),
    name: text(v.name, 1000),
    contactValue: text(v.contactValue, 1000),
    contactCountry: country(v.contactCountry),
    adult: pick(v.adult, ['yes', 'no'] as const),
    consent: v.consent === true,
  };
}

/** The report draft these answers make (the schema decides whether it is complete). */
export function toDraft(a: Answers, context: { corridor: string; consentVersion: string; locale: string }): ReportDraft {
  const optional = (value: string) => (value.trim() ? value : undefined);
  return {
    corridor: context.corridor,
    category: a.category ?? '',
    description: a.description,
    occurredOn: a.occurredUnknown ? 'unknown' : optional(a.occurredOn),
    location: a.country ? { country: a.country, place: optional(a.place) } : undefined,
    employerOrAgency: optional(a.employer),
    inDanger: (a.inDanger === undefined ? undefined : a.inDanger === 'yes') as boolean,
    contact: (a.contact === 'anonymous'
      ? { anonymous: true }
      : a.contact
        ? {
            anonymous: false,
            method: a.contact,
            value: a.contactValue,
            name: optional(a.name),
            ...(a.contact === 'email' ? {} : { country: a.contactCountry || undefined }),
          }
        : undefined) as ReportDraft['contact'],
    consent: { version: context.consentVersion, given: a.consent as true, by: a.adult === 'no' ? 'guardian' : 'reporter' },
    locale: context.locale,
  };
}

/**
 * The problems left once the reader changes `patch`'s fields: a problem goes away as soon as its
 * field changes. A number and its country are read together: changing either clears both.
 */
export function problemsAfter<P extends Partial<Record<keyof Answers, unknown>>>(problems: P, patch: Partial<Answers>): P {
  const linked: Partial<Record<keyof Answers, keyof Answers>> = { contactValue: 'contactCountry', contactCountry: 'contactValue' };
  const changed = new Set(Object.keys(patch).flatMap((field) => [field, linked[field as keyof Answers] ?? field]));
  return Object.fromEntries(Object.entries(problems).filter(([field]) => !changed.has(field))) as P;
}
