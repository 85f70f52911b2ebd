/**
 * The content pack schema: defined once here, the TypeScript types are inferred from it and the
 * JSON Schema shipped in `dist/content-pack.schema.json` is generated from it.
 */
import * as v from 'valibot';

const LOCALE_CODE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const COUNTRY_CODE = /^[A-Z]{2}$/;
const E164 = /^\+[1-9][0-9]{6,14}$/;
const DOMESTIC_NUMBER = /^[0-9]{3,15}$/;
const CLOCK_TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$/;

/** A text in several languages: locale code → string. A plain string is accepted in custom data. */
export const LocalizedTextSchema = v.pipe(
  v.record(v.pipe(v.string(), v.regex(LOCALE_CODE, 'not a locale code')), v.pipe(v.string(), v.minLength(1, 'empty text'))),
  v.check((map) => Object.keys(map).length > 0, 'no text in any language'),
);
export const TextSchema = v.union([v.pipe(v.string(), v.minLength(1, 'empty text')), LocalizedTextSchema], 'not a text or a map of locale to text');

const IsoDateSchema = v.pipe(v.string(), v.isoDate('not a date (YYYY-MM-DD)'));
const HttpsUrlSchema = v.pipe(v.string(), v.url('not a URL'), v.startsWith('https://', 'not an https URL'));

/**
 * Where a fact comes from, as far as it is known: who published it, when, and the page that holds
 * the statement. `url` is only ever a page that holds the statement, never a publisher's home page.
 */
export const SourceSchema = v.strictObject({
  url: v.optional(HttpsUrlSchema),
  publisher: v.pipe(v.string(), v.minLength(1)),
  /** Date of the statement or publication the fact comes from. */
  published: v.optional(IsoDateSchema),
});

export const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
};

const ChannelBase = {
  label: v.optional(LocalizedTextSchema),
};

const NumberChannel = <T extends 'phone' | 'whatsapp' | 'sms'>(type: T) =>
  v.pipe(
    v.strictObject({
      ...ChannelBase,
      type: v.literal(type),
      value: v.string(),
      /** How the number is written for people, e.g. `+62 21 2924 4800`; digits must match `value`. */
      display: v.optional(v.string()),
      /** `domestic`: dialable only from inside `country`; such a number may be national or a short code. */
      reach: v.optional(v.picklist(['international', 'domestic']), 'international'),
    }),
    v.forward(
      v.check(
        (c) => (c.reach === 'domestic' ? DOMESTIC_NUMBER.test(c.value) || E164.test(c.value) : E164.test(c.value)),
        (issue) => ((issue.input as { reach?: string }).reach === 'domestic' ? 'not a phone number' : 'not an E.164 phone number'),
      ),
      ['value'],
    ),
    v.forward(
      v.check((c) => c.display === undefined || c.display.replace(/\D/g, '') === c.value.replace(/\D/g, ''), 'digits differ from value'),
      ['display'],
    ),
  );

/** A fact's source that says how old it is: the statement's date or the page that holds it. */
const DatedSourceSchema = v.pipe(
  SourceSchema,
  v.check((s) => !!(s.url || s.published), 'needs the date of the statement (published) or the page that holds it (url)'),
);

/**
 * A place to go in person: where, in words, as its source describes it (never an invented street
 * address or coordinates), a map link only where the source gives one, and that source.
 */
export const InPersonChannelSchema = v.strictObject({
  ...ChannelBase,
  type: v.literal('in-person'),
  place: LocalizedTextSchema,
  mapUrl: v.optional(HttpsUrlSchema),
  source: DatedSourceSchema,
});

export const ChannelSchema = v.variant(
  'type',
  [
    NumberChannel('phone'),
    NumberChannel('whatsapp'),
    NumberChannel('sms'),
    v.strictObject({ ...ChannelBase, type: v.literal('email'), value: v.pipe(v.string(), v.email('not an email address')) }),
    v.strictObject({ ...ChannelBase, type: v.literal('web'), value: HttpsUrlSchema }),
    InPersonChannelSchema,
  ],
  'unknown channel type',
);

export const WeeklyPeriodSchema = v.strictObject({
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  days: v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(7))), v.minLength(1)),
  open: v.pipe(v.string(), v.regex(CLOCK_TIME, 'not a time (HH:MM)')),
  close: v.pipe(v.string(), v.regex(CLOCK_TIME, 'not a time (HH:MM)')),
});

export const HoursSchema = v.variant(
  'type',
  [
    v.strictObject({ type: v.literal('always') }),
    v.strictObject({ type: v.literal('unknown') }),
    v.strictObject({
      type: v.literal('weekly'),
      timeZone: v.pipe(v.string(), v.check(isTimeZone, 'not an IANA time zone')),
      periods: v.pipe(v.array(WeeklyPeriodSchema), v.minLength(1)),
    }),
  ],
  'unknown hours type',
);

export const HotlineSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/, 'not an id (a-z, 0-9, -)')),
  country: v.pipe(v.string(), v.regex(COUNTRY_CODE, 'not an ISO 3166-1 alpha-2 country code')),
  organisation: LocalizedTextSchema,
  description: v.optional(LocalizedTextSchema),
  channels: v.pipe(v.array(ChannelSchema), v.minLength(1, 'no channel')),
  hours: HoursSchema,
  /** The languages the line answers in, where a source says; empty when not known. */
  languages: v.array(v.pipe(v.string(), v.regex(LOCALE_CODE, 'not a locale code'))),
  /** Set when `languages` leaves out every locale the pack ships on purpose (checked by check:content). */
  languagesOutsidePack: v.optional(v.literal(true)),
  /** A line to try first in an urgent case (see the README); not a promise that it is answered. */
  emergency: v.boolean(),
  /**
   * Required: an entry without a source and a verified date is invalid and never shown. A contact's
   * source must give the statement's date or the page that holds it, so its age can be judged.
   */
  source: DatedSourceSchema,
  /** The date this entry was last checked against its source. */
  verified: IsoDateSchema,
});

export const LegalBasisSchema = v.strictObject({
  /** Short citation, e.g. "UU 18/2017 Pasal 6 ayat (1) huruf j". */
  citation: v.pipe(v.string(), v.minLength(1)),
  url: v.optional(HttpsUrlSchema),
});

export const RightSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/, 'not an id (a-z, 0-9, -)')),
  category: v.string(),
  title: LocalizedTextSchema,
  summary: LocalizedTextSchema,
  details: v.optional(LocalizedTextSchema),
  legalBasis: LegalBasisSchema,
  source: SourceSchema,
  /** The date this entry was last checked against its source. */
  verified: IsoDateSchema,
});

export const RightCategorySchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/, 'not an id (a-z, 0-9, -)')),
  title: LocalizedTextSchema,
});

export const STAGE_STATUSES = ['done', 'current', 'upcoming', 'blocked', 'not-started'] as const;

export const StageSchema = v.strictObject({
  id: v.pipe(v.string(), v.minLength(1)),
  order: v.optional(v.number()),
  title: TextSchema,
  description: v.optional(TextSchema),
  parties: v.optional(v.array(TextSchema)),
  /** Without a status the stage is a phase to read about, not a step anyone has reached. */
  status: v.optional(v.picklist(STAGE_STATUSES, `not one of ${STAGE_STATUSES.join(', ')}`)),
  dates: v.optional(
    v.strictObject({
      start: v.optional(IsoDateSchema),
      end: v.optional(IsoDateSchema),
      target: v.optional(IsoDateSchema),
    }),
  ),
});

export const TimelineSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/, 'not an id (a-z, 0-9, -)')),
  title: LocalizedTextSchema,
  description: v.optional(LocalizedTextSchema),
  stages: v.pipe(v.array(StageSchema), v.minLength(1, 'no stage')),
  source: v.optional(SourceSchema),
  /** When the stages last changed. */
  updated: IsoDateSchema,
  /** The date the timeline was last checked against its source. */
  verified: v.optional(IsoDateSchema),
});

export const ReportCategorySchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/, 'not an id (a-z, 0-9, -)')),
  label: LocalizedTextSchema,
  /** One short line under the label that says what the category covers. */
  hint: v.optional(LocalizedTextSchema),
  urgent: v.boolean(),
});

/** A localized text in which every locale has each `{placeholder}` the form fills in. */
const Template = (...placeholders: string[]) =>
  v.pipe(
    LocalizedTextSchema,
    v.check(
      (map) => Object.values(map).every((text) => placeholders.every((name) => text.includes(`{${name}}`))),
      `a text without ${placeholders.map((name) => `{${name}}`).join(' and ')}`,
    ),
  );

/**
 * The consent the report form asks for (UU 27/2022): every text the reader is told
 * before agreeing. `{operator}`, `{contact}`, `{days}` and `{country}` are filled in from the API's
 * operator (`GET /v1/operator`). A change of wording needs a new `version`.
 */
export const ConsentSchema = v.strictObject({
  version: v.pipe(v.string(), v.minLength(1)),
  title: LocalizedTextSchema,
  /** Who receives the report and is responsible for the data (the controller). */
  recipient: Template('operator', 'contact'),
  /** The legal basis in plain words, naming the operator (never an unnamed "we"). */
  basis: Template('operator'),
  /** What the operator uses the answers for. */
  purpose: Template('operator'),
  /** Every kind of data the report sends. */
  dataKinds: LocalizedTextSchema,
  /** That the description may hold sensitive data, and how it is protected. */
  sensitive: LocalizedTextSchema,
  /** How long personal data is kept, in the server's own days. */
  retention: Template('days'),
  /** Where the data is stored. */
  storedIn: Template('country'),
  /** That it may be transferred to Indonesia. */
  transfer: LocalizedTextSchema,
  /** The copy kept on the device until the report is sent. */
  deviceCopy: LocalizedTextSchema,
  /** How to withdraw the report and what happens then. */
  withdrawal: LocalizedTextSchema,
  rights: LocalizedTextSchema,
  /** For a reporter under 18: a parent or guardian must agree. */
  minor: LocalizedTextSchema,
  /** The consent checkbox's label, for the reporter and for a parent or guardian. */
  agree: Template('operator'),
  agreeGuardian: Template('operator'),
  legalBasis: LegalBasisSchema,
});

export const SAFETY_PLACES = ['hotline', 'rights-card', 'report-form'] as const;

/** Advice for a reader whose phone or papers someone else may check. Advice, never a promise of safety. */
export const SafetyTipSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/, 'not an id (a-z, 0-9, -)')),
  text: LocalizedTextSchema,
  /** The widgets that show the tip. */
  shownIn: v.pipe(v.array(v.picklist(SAFETY_PLACES, `not one of ${SAFETY_PLACES.join(', ')}`)), v.minLength(1, 'shown nowhere')),
  /** In the rights card: the rights whose details show the tip. */
  rights: v.optional(v.array(v.string())),
  /** Where a tip reports a fact (e.g. a warning by an embassy), its source. */
  source: v.optional(SourceSchema),
});

export const ContentPackSchema = v.strictObject({
  $schema: v.optional(v.string()),
  schemaVersion: v.literal(1),
  corridor: v.strictObject({
    id: v.pipe(v.string(), v.regex(/^[A-Z]{2}-[A-Z]{2}$/, 'not a corridor id (e.g. ID-KH)')),
    origin: v.pipe(v.string(), v.regex(COUNTRY_CODE, 'not an ISO 3166-1 alpha-2 country code')),
    destination: v.pipe(v.string(), v.regex(COUNTRY_CODE, 'not an ISO 3166-1 alpha-2 country code')),
  }),
  version: IsoDateSchema,
  /** Names of the countries the pack speaks of, for browsers without names in every locale. */
  countries: v.optional(v.record(v.pipe(v.string(), v.regex(COUNTRY_CODE, 'not an ISO 3166-1 alpha-2 country code')), LocalizedTextSchema)),
  /** Names of the languages its lines answer in, for browsers without names in every locale (Khmer). */
  languageNames: v.optional(v.record(v.pipe(v.string(), v.regex(LOCALE_CODE, 'not a locale code')), LocalizedTextSchema)),
  /** Every localized text in the pack must have each of these locales. */
  locales: v.pipe(v.array(v.pipe(v.string(), v.regex(LOCALE_CODE))), v.minLength(1)),
  rightCategories: v.array(RightCategorySchema),
  /** The provision the rights come from, e.g. "UU 18/2017 Pasal 6 ayat (1)" (shown on the wallet card). */
  rightsBasis: v.optional(LegalBasisSchema),
  rights: v.array(RightSchema),
  timelines: v.array(TimelineSchema),
  hotlines: v.array(HotlineSchema),
  reportCategories: v.array(ReportCategorySchema),
  consent: ConsentSchema,
  safety: v.array(SafetyTipSchema),
});

export type LocalizedText = v.InferOutput<typeof LocalizedTextSchema>;
export type Text = v.InferOutput<typeof TextSchema>;
export type Source = v.InferOutput<typeof SourceSchema>;
export type Channel = v.InferOutput<typeof ChannelSchema>;
export type ChannelType = Channel['type'];
/** A place to go in person. */
export type InPersonChannel = Extract<Channel, { type: 'in-person' }>;
/** A channel that is dialled, written to or opened: everything but a place to go. */
export type ContactChannel = Exclude<Channel, { type: 'in-person' }>;
export type Hours = v.InferOutput<typeof HoursSchema>;
export type WeeklyPeriod = v.InferOutput<typeof WeeklyPeriodSchema>;
export type Hotline = v.InferOutput<typeof HotlineSchema>;
export type Right = v.InferOutput<typeof RightSchema>;
export type RightCategory = v.InferOutput<typeof RightCategorySchema>;
export type StageStatus = (typeof STAGE_STATUSES)[number];
export type Stage = v.InferOutput<typeof StageSchema>;
export type Timeline = v.InferOutput<typeof TimelineSchema>;
export type ReportCategory = v.InferOutput<typeof ReportCategorySchema>;
export type Consent = v.InferOutput<typeof ConsentSchema>;
export type SafetyTip = v.InferOutput<typeof SafetyTipSchema>;
export type SafetyPlace = (typeof SAFETY_PLACES)[number];
export type ContentPack = v.InferOutput<typeof ContentPackSchema>;
