/**
 * The report draft: what `client.reports.submit()` and `POST /v1/reports` take. One schema, used
 * by the SDK before anything is sent and by the server before anything is stored.
 */
import * as v from 'valibot';
import { TextSchema } from './schema.js';
import { CALLING_CODES, DESCRIPTION_MAX, SHORT_TEXT_MAX, latestToday } from './report-limits.js';
import { PHONE_COUNTRIES, readPhone, toE164 } from './phone.js';

export { CALLING_CODES, DESCRIPTION_MAX, SHORT_TEXT_MAX, PHONE_COUNTRIES, latestToday, readPhone, toE164 };

/** A ticket as the server writes it: `LDG-7K4M-Q9TX`. */
export const TICKET_PATTERN = /^LDG-[0-9A-Z]{4}-[0-9A-Z]{4}$/;

export const CONTACT_METHODS = ['phone', 'whatsapp', 'email'] as const;
export const CONSENT_BY = ['reporter', 'guardian'] as const;

const shortText = (max: number) => v.pipe(v.string(), v.trim(), v.maxLength(max, `longer than ${max} characters`));

const AnonymousContact = v.strictObject({ anonymous: v.literal(true) });
const NamedContact = v.pipe(
  v.strictObject({
    anonymous: v.literal(false),
    name: v.optional(shortText(100)),
    method: v.picklist(CONTACT_METHODS, `not one of ${CONTACT_METHODS.join(', ')}`),
    value: v.pipe(v.string(), v.trim(), v.minLength(1, 'required'), v.maxLength(SHORT_TEXT_MAX, `longer than ${SHORT_TEXT_MAX} characters`)),
    /** For a phone or WhatsApp number written the national way (`0…`) that fits several countries, or none: the one it belongs to. */
    country: v.optional(v.pipe(v.string(), v.regex(/^[A-Z]{2}$/, 'not an ISO 3166-1 alpha-2 country code'))),
  }),
  // A national number is read by its shape; one that fits several of the corridor's countries, or none, is not guessed.
  v.forward(
    v.check(
      (c) => c.method === 'email' || c.country !== undefined || readPhone(c.value).state !== 'choose',
      `a national number that is not valid in exactly one of ${PHONE_COUNTRIES.join(', ')}: give the country it belongs to`,
    ),
    ['country'],
  ),
  v.forward(
    v.check(
      (c) => (c.method === 'email' ? /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(c.value) : readPhone(c.value, c.country).state !== 'invalid'),
      (issue) => {
        const contact = issue.input as { method?: string; country?: string };
        if (contact.method === 'email') return 'not an email address';
        return contact.country ? `not a valid number in ${contact.country}` : 'not a phone number (e.g. +62 812 3456 7890)';
      },
    ),
    ['value'],
  ),
  // Numbers are kept in one form, E.164, whatever way they were typed.
  v.transform((c) => (c.method === 'email' ? c : { ...c, value: toE164(c.value, c.country) ?? c.value })),
);

export const ReportDraftSchema = v.strictObject({
  corridor: v.pipe(v.string(), v.regex(/^[A-Z]{2}-[A-Z]{2}$/, 'not a corridor id (e.g. ID-KH)')),
  category: v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,40}$/, 'not a category id')),
  description: v.pipe(v.string(), v.trim(), v.minLength(1, 'required'), v.maxLength(DESCRIPTION_MAX, `longer than ${DESCRIPTION_MAX} characters`)),
  /** When it happened, or `unknown` when the reporter said they do not know (not the same as not saying). */
  occurredOn: v.optional(
    v.union([
      v.literal('unknown'),
      v.pipe(
        v.string(),
        v.isoDate('not a date (YYYY-MM-DD)'),
        v.check((date) => date <= latestToday(), 'in the future'),
      ),
    ]),
  ),
  location: v.optional(
    v.strictObject({
      country: v.pipe(v.string(), v.regex(/^[A-Z]{2}$/, 'not an ISO 3166-1 alpha-2 country code')),
      place: v.optional(shortText(SHORT_TEXT_MAX)),
    }),
  ),
  employerOrAgency: v.optional(shortText(SHORT_TEXT_MAX)),
  inDanger: v.boolean('not true or false'),
  contact: v.variant('anonymous', [AnonymousContact, NamedContact], 'not a contact (anonymous true or false)'),
  consent: v.strictObject({
    /** The version of the consent text shown; the server accepts only the pack's current one. */
    version: v.pipe(v.string(), v.minLength(1, 'required'), v.maxLength(100)),
    given: v.literal(true, 'consent must be given'),
    /** Who consented: the reporter, or (for a reporter under 18) a parent or guardian. */
    by: v.optional(v.picklist(CONSENT_BY, `not one of ${CONSENT_BY.join(', ')}`), 'reporter'),
  }),
  locale: v.pipe(v.string(), v.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'not a locale code')),
});

export type ReportDraft = v.InferInput<typeof ReportDraftSchema>;
export type ValidReport = v.InferOutput<typeof ReportDraftSchema>;

export const REPORT_STAGES = ['received', 'verified', 'in-handling', 'resolved'] as const;
/** A report's status: a stage it has reached, `closed` by the caseworkers, or `withdrawn` by its reporter. */
export const REPORT_STATUSES = [...REPORT_STAGES, 'closed', 'withdrawn'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** A report's end when it did not reach `resolved`: closed by the caseworkers, or withdrawn by its reporter. */
export const REPORT_ENDS = ['closed', 'withdrawn'] as const;

/**
 * What `GET /v1/reports/{ticket}` answers: the status as timeline stages, nothing personal. The
 * stage that matches the status is `current`, those before it `done`, those after it `upcoming`;
 * at `resolved` every stage is `done`. A closed or withdrawn report lists the stages it reached
 * (`done`), then its end (`ended`, with its date and public reason): none is in progress.
 */
export const ReportStatusSchema = v.strictObject({
  ticket: v.string(),
  status: v.picklist(REPORT_STATUSES),
  stages: v.array(
    v.strictObject({
      id: v.picklist([...REPORT_STAGES, ...REPORT_ENDS]),
      status: v.picklist(['done', 'current', 'upcoming', 'ended'] as const),
      /** When the report reached this stage. */
      date: v.optional(v.string()),
      /** What the caseworkers told the reporter at this stage (never anything personal). */
      note: v.optional(v.pipe(v.string(), v.maxLength(500))),
    }),
  ),
  /** The caseworkers' latest public note: when, at which stage, and who wrote it (the organisation). */
  latestNote: v.optional(
    v.strictObject({
      text: v.pipe(v.string(), v.maxLength(500)),
      at: v.string(),
      stage: v.string(),
      by: v.optional(TextSchema),
    }),
  ),
  updated: v.string(),
});

/** Who receives reports sent to an API (`GET /v1/operator`): shown before the reporter consents. */
export const OperatorSchema = v.strictObject({
  /** The organisation that receives and handles reports (the controller): a text, or a map of locale to text. */
  name: TextSchema,
  /** How to reach it (an address, a phone number or a web page), as the operator writes it, or a map of locale to text. */
  contact: TextSchema,
  privacyUrl: v.optional(v.pipe(v.string(), v.url())),
  /** Days personal data is kept after a report is resolved, closed or withdrawn. */
  retentionDays: v.pipe(v.number(), v.integer(), v.minValue(1)),
  /** ISO 3166-1 alpha-2 code of the country where the data is stored, if the operator says. */
  dataLocation: v.optional(v.pipe(v.string(), v.regex(/^[A-Z]{2}$/))),
  /** A demonstration server: nobody reads what is sent to it. */
  demonstration: v.boolean(),
});
export type Operator = v.InferOutput<typeof OperatorSchema>;
export type ReportStatusResponse = v.InferOutput<typeof ReportStatusSchema>;

export const SubmitResponseSchema = v.strictObject({
  ticket: v.pipe(v.string(), v.regex(TICKET_PATTERN)),
  status: v.picklist(REPORT_STATUSES),
});

/** The codes of the API's errors. */
export const API_ERROR_CODES = ['invalid', 'conflict', 'unauthorized', 'forbidden', 'too_large', 'rate_limited', 'not_found', 'internal'] as const;

/** A withdrawal key as the SDK makes it: 32 random bytes, base64url (43 characters), or any 16–200 of those characters. */
export const WITHDRAWAL_KEY_PATTERN = /^[A-Za-z0-9_-]{16,200}$/;

/** The Withdrawal-Key header: a random key made on the reporter's device; only its SHA-256 is stored. */
export const WithdrawalKeySchema = v.pipe(v.string(), v.regex(WITHDRAWAL_KEY_PATTERN, 'malformed'));

/** The Idempotency-Key header: one per report, the same on every retry of it. */
export const IdempotencyKeySchema = v.pipe(v.string(), v.minLength(8, 'missing'), v.maxLength(200, 'too long'));

/** The single error shape of the API (the server answers it, the OpenAPI document and the SDK read it). */
export const ApiErrorSchema = v.object({
  error: v.object({
    code: v.picklist(API_ERROR_CODES),
    message: v.string(),
    issues: v.optional(v.array(v.object({ path: v.string(), message: v.string() }))),
  }),
});
export type ApiErrorBody = v.InferOutput<typeof ApiErrorSchema>;
