/**
 * The form's checks: the SDK's own report schema (so the server never sees what the form would
 * refuse), read field by field, plus what only the form asks (age and consent). Loaded when the
 * reader first goes on from a step.
 */
import * as v from 'valibot';
import { ReportDraftSchema } from '../../sdk/report-schema.js';
import { toDraft, type Answers } from './answers.js';

/** Why a field cannot be accepted; the form words each one in the reader's language. */
export type Problem = 'required' | 'too-long' | 'invalid-date' | 'future' | 'phone' | 'email' | 'unknown' | 'choose-country';

/** A schema path → the form field that holds it. */
const FIELD_OF: Record<string, keyof Answers> = {
  inDanger: 'inDanger',
  category: 'category',
  description: 'description',
  occurredOn: 'occurredOn',
  location: 'country',
  'location.country': 'country',
  'location.place': 'place',
  employerOrAgency: 'employer',
  contact: 'contact',
  'contact.anonymous': 'contact',
  'contact.method': 'contact',
  'contact.name': 'name',
  'contact.value': 'contactValue',
  'contact.country': 'contactCountry',
  'consent.given': 'consent',
};

function problemOf(issue: v.BaseIssue<unknown>, field: keyof Answers, answers: Answers): Problem {
  if (issue.type === 'max_length') return 'too-long';
  if (field === 'occurredOn') return issue.type === 'check' ? 'future' : 'invalid-date';
  if (field === 'contactValue' && (issue.type === 'check' || issue.type === 'min_length')) return answers.contact === 'email' ? 'email' : 'phone';
  if (field === 'contactCountry') return 'choose-country';
  if (field === 'category' && answers.category) return 'unknown';
  return 'required';
}

/**
 * The problems of `fields` in `answers`, at most one per field, in the order of `fields`.
 * `categories` are the pack's report categories.
 */
export function check(
  answers: Answers,
  fields: ReadonlyArray<keyof Answers>,
  context: { corridor: string; consentVersion: string; locale: string; categories: string[] },
): Partial<Record<keyof Answers, Problem>> {
  const found: Partial<Record<keyof Answers, Problem>> = {};
  const result = v.safeParse(ReportDraftSchema, toDraft(answers, context), { abortPipeEarly: true });
  for (const issue of result.issues ?? []) {
    const field = FIELD_OF[v.getDotPath(issue) ?? ''];
    if (field && !found[field]) found[field] = problemOf(issue, field, answers);
  }
  if (answers.category && !context.categories.includes(answers.category)) found.category = 'unknown';
  if (!answers.adult) found.adult = 'required';
  if (answers.occurredUnknown) delete found.occurredOn;
  const ordered: Partial<Record<keyof Answers, Problem>> = {};
  for (const field of fields) if (found[field]) ordered[field] = found[field];
  return ordered;
}
