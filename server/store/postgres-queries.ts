/**
 * The SQL of the PostgreSQL store's desk reads: the columns the desk is given, and the list query
 * with its filters and keyset cursor, every value a bound parameter.
 */

import type { DeskQuery } from './contract.js';

export const DESK_COLUMNS = `ticket, corridor, category, description, occurred_on AS "occurredOn", location_country AS "locationCountry",
  location_place AS "locationPlace", employer_or_agency AS "employerOrAgency", in_danger AS "inDanger", anonymous, locale, status,
  closed_reason AS "closedReason", consent_version AS "consentVersion", consent_by AS "consentBy", created_at AS "createdAt", updated_at AS "updatedAt"`;
export const OPERATOR_COLUMNS = 'id, name, role, token_hash AS "tokenHash", created_at AS "createdAt", revoked_at AS "revokedAt"';

/**
 * The list of reports, newest first (in danger first if asked), after the cursor.
 */
export function listQuery(q: DeskQuery): [string, unknown[]] {
  const where: string[] = [];
  const params: unknown[] = [];
  // Every value is a bound parameter; only these fixed fragments are ever put in the SQL.
  const $ = (value: unknown) => `$${params.push(value)}`;
  if (q.status) where.push(`status = ${$(q.status)}`);
  if (q.category) where.push(`category = ${$(q.category)}`);
  if (q.inDanger !== undefined) where.push(`in_danger = ${$(q.inDanger ? 1 : 0)}`);
  if (q.corridor) where.push(`corridor = ${$(q.corridor)}`);
  if (q.receivedFrom) where.push(`created_at >= ${$(q.receivedFrom)}`);
  if (q.receivedTo) where.push(`created_at < ${$(q.receivedTo)}`);
  if (q.after) {
    const created = $(q.after.createdAt);
    const ticket = $(q.after.ticket);
    const older = `(created_at < ${created} OR (created_at = ${created} AND ticket < ${ticket}))`;
    if (q.dangerFirst) {
      const danger = $(q.after.inDanger ?? 0);
      where.push(`(in_danger < ${danger} OR (in_danger = ${danger} AND ${older}))`);
    } else where.push(older);
  }
  const order = q.dangerFirst ? 'in_danger DESC, created_at DESC, ticket DESC' : 'created_at DESC, ticket DESC';
  return [`SELECT ${DESK_COLUMNS} FROM reports ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order} LIMIT ${$(q.limit)}`, params];
}
