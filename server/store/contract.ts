/**
 * What every report store is: the interface (the typedefs below), and the columns that hold sealed
 * values and what erasing makes of them, one list for both databases.
 */

/**
 * Every column that holds a sealed value, by table (key rotation re-seals them all). Caseworkers'
 * notes to the reporter and close reasons are sealed too: people write phone numbers and places in them.
 */
export const SEALED_COLUMNS = {
  reports: { key: 'ticket', columns: ['description', 'location_place', 'employer_or_agency', 'contact_sealed', 'closed_reason'] },
  report_stages: { key: 'ticket, stage', columns: ['internal_note_sealed', 'public_note'] },
  webhook_queue: { key: 'id', columns: ['body_sealed'] },
} as const;

/**
 * What withdrawal and the retention purge erase, by table and column (the value it becomes): every
 * free text, contact detail and note. One list for both stores; see `redactionOf`.
 */
export const REDACTED_COLUMNS = {
  reports: { contact_sealed: 'NULL', description: "''", location_place: 'NULL', employer_or_agency: 'NULL', closed_reason: 'NULL' },
  report_stages: { internal_note_sealed: 'NULL', public_note: 'NULL' },
  webhook_queue: { body_sealed: 'NULL' },
} as const;

/** The `SET` list that erases a table's personal columns, e.g. `contact_sealed = NULL, description = ''`. */
export const redactionOf = (table: keyof typeof REDACTED_COLUMNS) =>
  Object.entries(REDACTED_COLUMNS[table])
    .map(([column, value]) => `${column} = ${value}`)
    .join(', ');

export interface StoredReport {
  ticket: string;
  idempotencyKey: string;
  bodyHash: string;
  corridor: string;
  category: string;
  /** encrypted */
  description: string;
  occurredOn: string | null;
  locationCountry: string | null;
  /** encrypted */
  locationPlace: string | null;
  /** encrypted */
  employerOrAgency: string | null;
  inDanger: boolean;
  anonymous: boolean;
  /** contact details, encrypted */
  contactSealed: string | null;
  consentVersion: string;
  /** `reporter`, or `guardian` for a reporter under 18 */
  consentBy: string;
  /** when consent was given (the time the report was received) */
  consentGivenAt: string;
  /** SHA-256 of the reporter's withdrawal key */
  withdrawalKeyHash: string | null;
  locale: string;
  status: string;
  createdAt: string;
  updatedAt: string;
}

/** What the API keeps, behind one interface with two implementations (SQLite, PostgreSQL). Every
 * method is asynchronous; every change that belongs together is one transaction; nothing relies on
 * memory of the process, so several instances can share one PostgreSQL database. */
export interface ReportStore {
  kind: 'sqlite' | 'postgres';
  /** Store the report unless its idempotency key is known (a unique constraint, not a read-then-write),   with its first stage and its webhook event, in one transaction; answers the stored one either   way. A ticket already taken is replaced by a new one. */
  insertOnce: (
    report: StoredReport,
    webhook?: (ticket: string) => WebhookEvent | undefined,
  ) => Promise<{ ticket: string; bodyHash: string; status: string; created: boolean }>;
  findByTicket: (ticket: string) => Promise<{ ticket: string; status: string; updatedAt: string } | undefined>;
  findWithdrawal: (ticket: string) => Promise<{ withdrawalKeyHash: string | null; status: string } | undefined>;
  /** marks the report withdrawn, destroys its contact details and redacts its free texts and notes;   `residue`: an earlier copy may still be on disk (SQLite's WAL, held by a reader) until `eraseResidue` */
  withdraw: (ticket: string, at: string, webhook?: WebhookEvent) => Promise<{ residue: boolean }>;
  /** finishes an erasure left undone (the WAL emptied); answers whether nothing is left */
  eraseResidue: () => Promise<boolean>;
  /** the stored row as it is on disk (tests only) */
  rawRow: (ticket: string) => Promise<Record<string, unknown> | undefined>;
  /** whether a report is anonymous, and its contact details as stored (sealed: the desk opens them) */
  reveal: (ticket: string) => Promise<{ anonymous: boolean; contactSealed: string | null } | undefined>;
  /** the stages a report has reached, oldest first */
  stages: (ticket: string) => Promise<StageRecord[]>;
  /** records a new status with its date and notes (and its webhook event), if the report is still in   `change.from`; answers false when another change came first */
  changeStatus: (change: StatusChange, webhook?: WebhookEvent) => Promise<boolean>;
  /** a report as the desk reads it (still sealed) */
  deskReport: (ticket: string) => Promise<DeskReport | undefined>;
  /** newest first (in danger first if asked), after the cursor */
  listReports: (query: DeskQuery) => Promise<DeskReport[]>;
  addOperator: (operator: OperatorRecord) => Promise<void>;
  listOperators: () => Promise<OperatorRecord[]>;
  revokeOperator: (id: string, at: string) => Promise<boolean>;
  operatorByTokenHash: (tokenHash: string) => Promise<OperatorRecord | undefined>;
  /** appends to the audit log */
  audit: (entry: AuditEntry) => Promise<void>;
  listAudit: (query: { after?: number; limit: number }) => Promise<(AuditEntry & { seq: number })[]>;
  /** every report, oldest first (export), a page at a time */
  allReports: () => AsyncIterable<DeskReport & { contactSealed: string | null }>;
  /** queues an event for the webhook */
  enqueueWebhook: (event: WebhookEvent) => Promise<void>;
  /** events due for an attempt, oldest first, each leased to the caller until `leaseUntil` so that no   other instance tries it meanwhile (rows locked with SKIP LOCKED on PostgreSQL) */
  claimWebhooks: (now: string, leaseUntil: string, limit: number) => Promise<WebhookEvent[]>;
  /** marks it delivered and drops its body */
  webhookDelivered: (id: string, at: string, status: number) => Promise<void>;
  /** counts the attempt, sets the next */
  webhookFailed: (id: string, nextAt: string, status: number | null) => Promise<void>;
  /** undelivered events (of a ticket, or all) */
  pendingWebhooks: (ticket?: string) => Promise<number>;
  addSession: (session: { idHash: string; operatorId: string; createdAt: string; expiresAt: string }) => Promise<void>;
  /** the operator of a session that has not expired and was used after `idleSince`; it is then seen `now` */
  operatorBySession: (idHash: string, now: string, idleSince: string) => Promise<OperatorRecord | undefined>;
  /** deletes sessions past their end or idle since `idleSince` */
  endEndedSessions: (now: string, idleSince: string) => Promise<number>;
  endSession: (idHash: string) => Promise<void>;
  /** redacts every report resolved, closed or withdrawn before the date and answers their tickets;   one instance at a time (another instance purging meanwhile answers none) */
  purgeExpired: (endedBefore: string, at: string) => Promise<string[]>;
  /** passes every sealed value to `reseal` and stores what it answers (undefined: unchanged), in one   transaction; answers how many changed (key rotation) */
  resealAll: (reseal: (sealed: string) => string | undefined) => Promise<number>;
  count: () => Promise<number>;
  /** throws when the database cannot be reached (health check) */
  ping: () => Promise<void>;
  close: () => Promise<void>;
}

export interface StageRecord {
  stage: string;
  at: string;
  /** sealed */
  publicNote: string | null;
  internalNoteSealed: string | null;
}

export interface StatusChange {
  ticket: string;
  /** the status the change was decided on */
  from: string;
  /** a stage, or `closed` */
  status: string;
  at: string;
  /** sealed */
  publicNote: string | null;
  internalNoteSealed: string | null;
  /** sealed */
  closedReason: string | null;
}

/** a report as the desk reads it: free texts still sealed, contact details apart */
export interface DeskReport {
  ticket: string;
  corridor: string;
  category: string;
  description: string;
  occurredOn: string | null;
  locationCountry: string | null;
  locationPlace: string | null;
  employerOrAgency: string | null;
  inDanger: number;
  anonymous: number;
  locale: string;
  status: string;
  /** sealed */
  closedReason: string | null;
  consentVersion: string;
  consentBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface DeskQuery {
  status?: string | undefined;
  category?: string | undefined;
  inDanger?: boolean | undefined;
  corridor?: string | undefined;
  /** ISO date, inclusive */
  receivedFrom?: string | undefined;
  /** ISO date, inclusive */
  receivedTo?: string | undefined;
  dangerFirst?: boolean | undefined;
  /** the last report of the previous page */
  after?: { createdAt: string; ticket: string; inDanger?: number | undefined } | undefined;
  limit: number;
}

export interface WebhookEvent {
  /** the delivery id the receiver de-duplicates on */
  id: string;
  /** `report.created`, `report.status` or `report.withdrawn` */
  event: string;
  ticket: string;
  /** the JSON body, encrypted */
  bodySealed: string | null;
  createdAt: string;
  attempts?: number | undefined;
  nextAt: string;
}

export interface OperatorRecord {
  id: string;
  name: string;
  role: 'viewer' | 'handler' | 'admin';
  tokenHash: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface AuditEntry {
  at: string;
  operatorId: string | null;
  action: string;
  ticket: string | null;
  /** JSON: which fields, which status — never a value */
  detail: string | null;
}
