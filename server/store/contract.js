// @ts-check
/**
 * What every report store is: the interface (the typedefs below), and the columns that hold sealed
 * values and what erasing makes of them, one list for both databases.
 */

/**
 * Every column that holds a sealed value, by table (key rotation re-seals them all). Caseworkers'
 * notes to the reporter and close reasons are sealed too: people write phone numbers and places in them.
 */
export const SEALED_COLUMNS = /** @type {const} */ ({
  reports: { key: 'ticket', columns: ['description', 'location_place', 'employer_or_agency', 'contact_sealed', 'closed_reason'] },
  report_stages: { key: 'ticket, stage', columns: ['internal_note_sealed', 'public_note'] },
  webhook_queue: { key: 'id', columns: ['body_sealed'] },
});

/**
 * What withdrawal and the retention purge erase, by table and column (the value it becomes): every
 * free text, contact detail and note. One list for both stores; see `redactionOf`.
 */
export const REDACTED_COLUMNS = /** @type {const} */ ({
  reports: { contact_sealed: 'NULL', description: "''", location_place: 'NULL', employer_or_agency: 'NULL', closed_reason: 'NULL' },
  report_stages: { internal_note_sealed: 'NULL', public_note: 'NULL' },
  webhook_queue: { body_sealed: 'NULL' },
});

/** The `SET` list that erases a table's personal columns, e.g. `contact_sealed = NULL, description = ''`. @param {keyof typeof REDACTED_COLUMNS} table */
export const redactionOf = (table) =>
  Object.entries(REDACTED_COLUMNS[table])
    .map(([column, value]) => `${column} = ${value}`)
    .join(', ');

/**
 * @typedef {object} StoredReport
 * @property {string} ticket
 * @property {string} idempotencyKey
 * @property {string} bodyHash
 * @property {string} corridor
 * @property {string} category
 * @property {string} description  encrypted
 * @property {string | null} occurredOn
 * @property {string | null} locationCountry
 * @property {string | null} locationPlace  encrypted
 * @property {string | null} employerOrAgency  encrypted
 * @property {boolean} inDanger
 * @property {boolean} anonymous
 * @property {string | null} contactSealed  contact details, encrypted
 * @property {string} consentVersion
 * @property {string} consentBy  `reporter`, or `guardian` for a reporter under 18
 * @property {string} consentGivenAt  when consent was given (the time the report was received)
 * @property {string | null} withdrawalKeyHash  SHA-256 of the reporter's withdrawal key
 * @property {string} locale
 * @property {string} status
 * @property {string} createdAt
 * @property {string} updatedAt
 */

/**
 * What the API keeps, behind one interface with two implementations (SQLite, PostgreSQL). Every
 * method is asynchronous; every change that belongs together is one transaction; nothing relies on
 * memory of the process, so several instances can share one PostgreSQL database.
 * @typedef {object} ReportStore
 * @property {'sqlite' | 'postgres'} kind
 * @property {(report: StoredReport, webhook?: (ticket: string) => WebhookEvent | undefined) => Promise<{ ticket: string; bodyHash: string; status: string; created: boolean }>} insertOnce
 *   Store the report unless its idempotency key is known (a unique constraint, not a read-then-write),
 *   with its first stage and its webhook event, in one transaction; answers the stored one either
 *   way. A ticket already taken is replaced by a new one.
 * @property {(ticket: string) => Promise<{ ticket: string; status: string; updatedAt: string } | undefined>} findByTicket
 * @property {(ticket: string) => Promise<{ withdrawalKeyHash: string | null; status: string } | undefined>} findWithdrawal
 * @property {(ticket: string, at: string, webhook?: WebhookEvent) => Promise<{ residue: boolean }>} withdraw
 *   marks the report withdrawn, destroys its contact details and redacts its free texts and notes;
 *   `residue`: an earlier copy may still be on disk (SQLite's WAL, held by a reader) until `eraseResidue`
 * @property {() => Promise<boolean>} eraseResidue  finishes an erasure left undone (the WAL emptied); answers whether nothing is left
 * @property {(ticket: string) => Promise<Record<string, unknown> | undefined>} rawRow  the stored row as it is on disk (tests only)
 * @property {(ticket: string) => Promise<{ anonymous: boolean; contactSealed: string | null } | undefined>} reveal
 *   whether a report is anonymous, and its contact details as stored (sealed: the desk opens them)
 * @property {(ticket: string) => Promise<StageRecord[]>} stages  the stages a report has reached, oldest first
 * @property {(change: StatusChange, webhook?: WebhookEvent) => Promise<boolean>} changeStatus
 *   records a new status with its date and notes (and its webhook event), if the report is still in
 *   `change.from`; answers false when another change came first
 * @property {(ticket: string) => Promise<DeskReport | undefined>} deskReport  a report as the desk reads it (still sealed)
 * @property {(query: DeskQuery) => Promise<DeskReport[]>} listReports  newest first (in danger first if asked), after the cursor
 * @property {(operator: OperatorRecord) => Promise<void>} addOperator
 * @property {() => Promise<OperatorRecord[]>} listOperators
 * @property {(id: string, at: string) => Promise<boolean>} revokeOperator
 * @property {(tokenHash: string) => Promise<OperatorRecord | undefined>} operatorByTokenHash
 * @property {(entry: AuditEntry) => Promise<void>} audit  appends to the audit log
 * @property {(query: { after?: number; limit: number }) => Promise<(AuditEntry & { seq: number })[]>} listAudit
 * @property {() => AsyncIterable<DeskReport & { contactSealed: string | null }>} allReports  every report, oldest first (export), a page at a time
 * @property {(event: WebhookEvent) => Promise<void>} enqueueWebhook  queues an event for the webhook
 * @property {(now: string, leaseUntil: string, limit: number) => Promise<WebhookEvent[]>} claimWebhooks
 *   events due for an attempt, oldest first, each leased to the caller until `leaseUntil` so that no
 *   other instance tries it meanwhile (rows locked with SKIP LOCKED on PostgreSQL)
 * @property {(id: string, at: string, status: number) => Promise<void>} webhookDelivered  marks it delivered and drops its body
 * @property {(id: string, nextAt: string, status: number | null) => Promise<void>} webhookFailed  counts the attempt, sets the next
 * @property {(ticket?: string) => Promise<number>} pendingWebhooks  undelivered events (of a ticket, or all)
 * @property {(session: { idHash: string; operatorId: string; createdAt: string; expiresAt: string }) => Promise<void>} addSession
 * @property {(idHash: string, now: string, idleSince: string) => Promise<OperatorRecord | undefined>} operatorBySession
 *   the operator of a session that has not expired and was used after `idleSince`; it is then seen `now`
 * @property {(now: string, idleSince: string) => Promise<number>} endEndedSessions  deletes sessions past their end or idle since `idleSince`
 * @property {(idHash: string) => Promise<void>} endSession
 * @property {(endedBefore: string, at: string) => Promise<string[]>} purgeExpired
 *   redacts every report resolved, closed or withdrawn before the date and answers their tickets;
 *   one instance at a time (another instance purging meanwhile answers none)
 * @property {(reseal: (sealed: string) => string | undefined) => Promise<number>} resealAll
 *   passes every sealed value to `reseal` and stores what it answers (undefined: unchanged), in one
 *   transaction; answers how many changed (key rotation)
 * @property {() => Promise<number>} count
 * @property {() => Promise<void>} ping  throws when the database cannot be reached (health check)
 * @property {() => Promise<void>} close
 */

/**
 * @typedef {object} StageRecord
 * @property {string} stage
 * @property {string} at
 * @property {string | null} publicNote  sealed
 * @property {string | null} internalNoteSealed
 *
 * @typedef {object} StatusChange
 * @property {string} ticket
 * @property {string} from  the status the change was decided on
 * @property {string} status  a stage, or `closed`
 * @property {string} at
 * @property {string | null} publicNote  sealed
 * @property {string | null} internalNoteSealed
 * @property {string | null} closedReason  sealed
 *
 * @typedef {object} DeskReport  a report as the desk reads it: free texts still sealed, contact details apart
 * @property {string} ticket
 * @property {string} corridor
 * @property {string} category
 * @property {string} description
 * @property {string | null} occurredOn
 * @property {string | null} locationCountry
 * @property {string | null} locationPlace
 * @property {string | null} employerOrAgency
 * @property {number} inDanger
 * @property {number} anonymous
 * @property {string} locale
 * @property {string} status
 * @property {string | null} closedReason  sealed
 * @property {string} consentVersion
 * @property {string} consentBy
 * @property {string} createdAt
 * @property {string} updatedAt
 *
 * @typedef {object} DeskQuery
 * @property {string} [status]
 * @property {string} [category]
 * @property {boolean} [inDanger]
 * @property {string} [corridor]
 * @property {string} [receivedFrom]  ISO date, inclusive
 * @property {string} [receivedTo]    ISO date, inclusive
 * @property {boolean} [dangerFirst]
 * @property {{ createdAt: string; ticket: string; inDanger?: number }} [after]  the last report of the previous page
 * @property {number} limit
 *
 * @typedef {object} WebhookEvent
 * @property {string} id  the delivery id the receiver de-duplicates on
 * @property {string} event  `report.created`, `report.status` or `report.withdrawn`
 * @property {string} ticket
 * @property {string | null} bodySealed  the JSON body, encrypted
 * @property {string} createdAt
 * @property {number} [attempts]
 * @property {string} nextAt
 *
 * @typedef {object} OperatorRecord
 * @property {string} id
 * @property {string} name
 * @property {'viewer' | 'handler' | 'admin'} role
 * @property {string} tokenHash
 * @property {string} createdAt
 * @property {string | null} revokedAt
 *
 * @typedef {object} AuditEntry
 * @property {string} at
 * @property {string | null} operatorId
 * @property {string} action
 * @property {string | null} ticket
 * @property {string | null} detail  JSON: which fields, which status — never a value
 */
