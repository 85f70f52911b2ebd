/**
 * A report on its way into the store: the hash that makes a retried POST the same report, the
 * withdrawal key as it is kept, the stored row (sealed) and the webhook's `report.created` data.
 */
import { createHash } from 'node:crypto';
import { seal, sealOptional } from './crypto.js';
import type { ValidReport } from 'lindungi/sdk';
import type { StoredReport } from './store/contract.js';

/** Key order does not change the hash: the same report is the same report. */
export function canonicalHash(value: unknown) {
  const canonical = JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
  return createHash('sha256').update(canonical).digest('base64url');
}

/** SHA-256 of a withdrawal key, base64url: all the server keeps of it. */
export const hashKey = (key: string) => createHash('sha256').update(key).digest('base64url');

/**
 * A validated report as the store keeps it: every free text and the contact details sealed with
 * the data key, the withdrawal key as a hash, the consent with its version and time.
 *
 *
 */
export function storedReport(
  report: ValidReport,
  {
    ticket,
    idempotencyKey,
    bodyHash,
    withdrawalKey,
    dataKey,
    now,
  }: { ticket: string; idempotencyKey: string; bodyHash: string; withdrawalKey: string | undefined; dataKey: Buffer; now: string },
): StoredReport {
  const contact = report.contact;
  return {
    ticket,
    idempotencyKey,
    bodyHash,
    corridor: report.corridor,
    category: report.category,
    // Every free text can identify a worker as surely as a phone number: all are sealed.
    description: seal(dataKey, report.description),
    occurredOn: report.occurredOn ?? null,
    locationCountry: report.location?.country ?? null,
    locationPlace: sealOptional(dataKey, report.location?.place),
    employerOrAgency: sealOptional(dataKey, report.employerOrAgency),
    inDanger: report.inDanger,
    anonymous: contact.anonymous,
    contactSealed: contact.anonymous ? null : seal(dataKey, JSON.stringify({ name: contact.name, method: contact.method, value: contact.value })),
    consentVersion: report.consent.version,
    consentBy: report.consent.by,
    consentGivenAt: now,
    withdrawalKeyHash: withdrawalKey ? hashKey(withdrawalKey) : null,
    locale: report.locale,
    status: 'received',
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * The `report.created` webhook's data: the report as received, with its contact details only if
 * the operator's system is set to take them.
 */
export function createdEvent(ticket: string, report: ValidReport, now: string, includeContact: boolean) {
  const contact = report.contact;
  return {
    ticket,
    corridor: report.corridor,
    category: report.category,
    description: report.description,
    occurredOn: report.occurredOn ?? null,
    location: report.location ?? null,
    employerOrAgency: report.employerOrAgency ?? null,
    inDanger: report.inDanger,
    locale: report.locale,
    consent: { version: report.consent.version, by: report.consent.by },
    receivedAt: now,
    anonymous: contact.anonymous,
    ...(includeContact && !contact.anonymous ? { contact: { name: contact.name, method: contact.method, value: contact.value } } : {}),
  };
}
