import { LindungiNotConfiguredError } from './errors.js';
import { keepOnce, loadPart } from './parts.js';
import { createContentClient, type ClientOptions, type ContentClient } from './content-client.js';
import type { Outbox, OutboxEntry, RetryOptions, SavedDraft, SubmitOptions, SubmitResult } from './outbox.js';
import type { Operator, ReportDraft, ReportStatusResponse } from './report-schema.js';
import { operatorUrl, startRequest } from './request-start.js';
import type { KeyValueStorage } from './storage.js';

export { orderHotlines, DEFAULT_CORRIDOR, createContentClient } from './content-client.js';
export type { ClientOptions, ContentClient } from './content-client.js';

export interface ReportsApi extends EventTarget {
  /**
   * Validate, keep on the device, send. `{ ticket }` when the server has it, `{ queued }` when it
   * will be sent later. `replaceDraft` replaces a form's draft in the same write that keeps the report.
   */
  submit(draft: ReportDraft, options?: SubmitOptions): Promise<SubmitResult>;
  /** A report's status as timeline stages, by ticket. */
  status(ticket: string, options?: { signal?: AbortSignal }): Promise<ReportStatusResponse>;
  /** Try every waiting report now. The first use of any of these methods also sends reports left from an earlier visit. */
  flush(): Promise<OutboxEntry[]>;
  /** Withdraw a report sent from this device (it holds the report's withdrawal key). */
  withdraw(ticket: string): Promise<{ ticket: string; status: 'withdrawn' }>;
  /** Reports on this device: waiting, sent (ticket and status only) or refused. Nothing the reporter wrote. */
  entries(): Promise<OutboxEntry[]>;
  /** Remove every report, sent or not, and every draft from this device. */
  erase(): Promise<void>;
  /** Remove one report (by local id or ticket) from this device; a waiting one is never sent. */
  remove(idOrTicket: string): Promise<boolean>;
  /** Keep a form's unfinished draft on this device under `id` (nothing is validated or sent). */
  saveDraft(id: string, value: unknown): Promise<void>;
  /** The draft kept under `id`, with when it was saved. */
  draft<T>(id: string): Promise<SavedDraft<T> | undefined>;
  /** Forget the draft kept under `id`. */
  deleteDraft(id: string): Promise<void>;
  /** Remove the timer and the `online` listener this client added (tests, or a page that tears the client down). */
  stop(): void;
}

/** Content and reports. */
export interface LindungiClient extends ContentClient {
  readonly reports: ReportsApi;
  /**
   * Who receives reports sent to the `api`, with the retention it applies. Needs an `api` (else
   * `LindungiNotConfiguredError`); a server with no operator answers 404 (`LindungiApiError`).
   * Read once per client and shared by every caller without a `signal`; after a failure, the next
   * call asks again.
   */
  operator(options?: { signal?: AbortSignal }): Promise<Operator>;
}

/**
 * The SDK client: validated, cached content and, with an `api`, the report outbox.
 * Without `api`, reports are refused with `LindungiNotConfiguredError`.
 */
export function createClient(options: ClientOptions = {}): LindungiClient {
  return withReporting(createContentClient(options), options);
}

/** The reporting client of each content client, so that one content client has one outbox. */
const reportingOf = new WeakMap<ContentClient, LindungiClient>();

/**
 * A client with the report outbox and `operator()` that reads content through `content`, which is
 * left as it is (a client that already reports is answered as it is). The widgets share one
 * content client per corridor and API; the report form reports through its own client over it,
 * so the page still makes one content request. The same content client always gives the same
 * reporting client: the options of the first call stand.
 */
export function withReporting(content: ContentClient, options: Pick<ClientOptions, 'fetch' | 'timeoutMs' | 'storage' | 'retry'> = {}): LindungiClient {
  if ('reports' in content) return content as LindungiClient;
  const known = reportingOf.get(content);
  if (known) return known;
  const http = { fetch: options.fetch, timeoutMs: options.timeoutMs ?? 10_000 };
  const given = options.storage;
  const getStorage = given ? () => Promise.resolve(given) : keepOnce(() => loadPart(() => import('./storage.js')).then((m) => m.defaultStorage()));
  const reports = content.api ? createReports(content, getStorage, http, options.retry) : refusingReports();
  // One read of the operator per client, sent before its reader's code arrives; a failure is not kept.
  let operatorRead: Promise<Operator> | undefined;
  const operator = (opts: { signal?: AbortSignal } = {}): Promise<Operator> => {
    if (!content.api) return Promise.reject(new LindungiNotConfiguredError());
    if (operatorRead && !opts.signal) return operatorRead;
    const url = operatorUrl(content.api);
    const started = startRequest(url, { ...http, signal: opts.signal });
    const reading = loadPart(() => import('./operator.js')).then((m) => m.readOperator(url, { ...http, signal: opts.signal }, started));
    if (!opts.signal) {
      operatorRead = reading;
      reading.catch(() => {
        if (operatorRead === reading) operatorRead = undefined;
      });
    }
    return reading;
  };
  // Content is read through the shared client (its cache, its one request); reports are this client's own.
  const client = Object.assign(Object.create(content) as ContentClient, { reports, operator });
  reportingOf.set(content, client);
  return client;
}

function createReports(
  content: ContentClient,
  getStorage: () => Promise<KeyValueStorage>,
  http: { fetch?: typeof fetch | undefined; timeoutMs: number },
  retry?: RetryOptions,
): ReportsApi {
  const events = new EventTarget();
  let stopped = false;
  const flushQuietly = () => void outbox?.then((o) => o.flush()).catch(() => undefined);
  // The outbox, its storage and its listener load on first use: a page that only shows content
  // never opens the report store. Reports left from an earlier visit or a crash go out then, and
  // whenever the device is back online.
  let outbox: Promise<Outbox> | undefined;
  const getOutbox = () => {
    if (!outbox) {
      outbox = Promise.all([loadPart(() => import('./outbox.js')), getStorage()]).then(
        ([m, storage]) => new m.Outbox(content.api!, storage, http, retry, events),
      );
      outbox.catch(() => (outbox = undefined));
      if (!stopped) {
        globalThis.addEventListener?.('online', flushQuietly);
        flushQuietly();
      }
    }
    return outbox;
  };
  return Object.assign(events, {
    submit: async (draft: ReportDraft, options?: SubmitOptions) => (await getOutbox()).submit(draft, options),
    status: (ticket: string, opts: { signal?: AbortSignal } = {}) => content.reportStatus(ticket, opts),
    flush: async () => (await getOutbox()).flush(),
    entries: async () => (await getOutbox()).entries(),
    withdraw: async (ticket: string) => (await getOutbox()).withdraw(ticket),
    remove: async (idOrTicket: string) => (await getOutbox()).remove(idOrTicket),
    saveDraft: async (id: string, value: unknown) => (await getOutbox()).saveDraft(id, value),
    draft: async <T>(id: string) => (await getOutbox()).draft<T>(id),
    deleteDraft: async (id: string) => (await getOutbox()).deleteDraft(id),
    erase: async () => (await getOutbox()).erase(),
    stop: () => {
      stopped = true;
      void outbox?.then(
        (o) => o.stop(),
        () => undefined,
      );
      globalThis.removeEventListener?.('online', flushQuietly);
    },
  });
}

function refusingReports(): ReportsApi {
  const refuse = async (): Promise<never> => {
    throw new LindungiNotConfiguredError();
  };
  return Object.assign(new EventTarget(), {
    submit: refuse,
    status: refuse,
    withdraw: refuse,
    remove: async () => false,
    saveDraft: refuse,
    draft: async () => undefined,
    deleteDraft: async () => undefined,
    flush: async () => [],
    entries: async () => [],
    erase: async () => undefined,
    stop: () => undefined,
  });
}
