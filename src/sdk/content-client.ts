import { LindungiError, LindungiNotConfiguredError } from './errors.js';
import { keepOnce, loadPart } from './parts.js';
import type { ReportStatusResponse } from './report-schema.js';
import { readPackFile, shippedPackUrl, type ContentResult, type PackSource } from './pack-source.js';
import type { ContentPack, Hotline, Right, Timeline } from './schema.js';
import { CONTENT_REQUEST, contentUrl, startRequest } from './request-start.js';
import type { KeyValueStorage } from './storage.js';

/**
 * The validator (schema and checks) is loaded on first use, in parallel with the content itself,
 * so a page that shows one widget does not pay for it before anything can render.
 */
const loadValidator = () => loadPart(() => import('./validate.js'));

async function parseContentPack(input: unknown): Promise<ContentPack> {
  const [{ parseContentPack: parse }, json] = await Promise.all([loadValidator(), input]);
  return parse(json);
}

export interface ClientOptions {
  /** Base URL of a Lindungi API. Without it, the content pack shipped with the package is used and reports are refused. */
  api?: string | undefined;
  /** Corridor id, `ID-KH` by default. */
  corridor?: string | undefined;
  /** Preferred locale for texts picked by the caller. */
  locale?: string | undefined;
  /** Where content comes from when there is no API: a pack object, its URL, or a loader. */
  pack?: PackSource | undefined;
  /** The `fetch` to use (defaults to the global one). */
  fetch?: typeof fetch | undefined;
  /** How long one request may take. Default 10 s. */
  timeoutMs?: number | undefined;
  /** Where the last good content and the report outbox are kept. Default: IndexedDB in browsers, memory in Node. */
  storage?: KeyValueStorage | undefined;
  /** Backoff of report retries. */
  retry?: { baseMs?: number; maxMs?: number } | undefined;
}

/** Reading content: what the widgets need. */
export interface ContentClient {
  readonly corridor: string;
  readonly api: string | undefined;
  locale: string | undefined;
  /** Content already here, read without waiting (a server's rendering has its pack at hand). */
  readonly loaded?: ContentResult | undefined;
  /**
   * Content with its freshness: whether it is a saved copy shown offline. With `locale`, the pack
   * may hold only that locale's texts (the API's or the shipped slice), which is all its reader sees.
   */
  load(options?: { signal?: AbortSignal; refresh?: boolean; locale?: string | undefined }): Promise<ContentResult>;
  /** The validated content pack. */
  content(options?: { signal?: AbortSignal }): Promise<ContentPack>;
  rights(): Promise<Right[]>;
  timeline(id: string): Promise<Timeline | undefined>;
  /** The country's help lines, then the corridor origin's (e.g. KP2MI); emergency lines first. */
  hotlines(country?: string): Promise<Hotline[]>;
  /** A report's status as timeline stages, by ticket. Needs an `api` (else `LindungiNotConfiguredError`). */
  reportStatus(ticket: string, options?: { signal?: AbortSignal }): Promise<ReportStatusResponse>;
}

export const DEFAULT_CORRIDOR = 'ID-KH';
const DEFAULT_TIMEOUT_MS = 10_000;

// One load per pack URL per page: four widgets on a page share a single request.
const loadsByUrl = new Map<string, Promise<ContentResult>>();

function isContentResult(value: object): value is ContentResult {
  return 'pack' in value && 'offline' in value;
}

async function loadFromSource(source: PackSource, fetchImpl: typeof fetch | undefined, signal?: AbortSignal): Promise<ContentResult> {
  if (typeof source === 'function') {
    const loaded: unknown = await source();
    return loaded && typeof loaded === 'object' && isContentResult(loaded)
      ? { ...loaded, pack: await parseContentPack(loaded.pack) }
      : { pack: await parseContentPack(loaded), offline: false };
  }
  if (typeof source === 'string' || source instanceof URL) {
    const url = new URL(source, globalThis.location?.href);
    let pending = loadsByUrl.get(url.href);
    if (!pending) {
      pending = parseContentPack(readPackFile(url, fetchImpl, signal)).then((pack) => ({ pack, offline: false }));
      // A failed load may succeed later (retry): do not keep the failure.
      pending.catch(() => loadsByUrl.delete(url.href));
      loadsByUrl.set(url.href, pending);
    }
    return pending;
  }
  return { pack: await parseContentPack(source), offline: false };
}

/** A client that reads content only (no report outbox): what each widget uses. */
export function createContentClient(options: ClientOptions = {}): ContentClient {
  const corridor = options.corridor ?? DEFAULT_CORRIDOR;
  // A relative API URL ("/") means this page's origin.
  const api = options.api ? new URL(options.api, globalThis.location?.href).href.replace(/\/+$/, '') : undefined;
  const http = { fetch: options.fetch, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS };
  const given = options.storage;
  const getStorage = given ? () => Promise.resolve(given) : keepOnce(() => loadPart(() => import('./storage.js')).then((m) => m.defaultStorage()));
  // One load per locale asked for ('' for the whole pack).
  const current = new Map<string, Promise<ContentResult>>();

  const loadFromApi = (api: string, signal?: AbortSignal, locale?: string): Promise<ContentResult> => {
    // In a page the request goes out now, beside the code that reads it: the browser's HTTP cache
    // revalidates it with the ETag. Elsewhere (Node) there is no such cache, so the request waits
    // for the ETag kept in storage.
    const started = typeof document === 'object' ? startRequest(contentUrl(api, corridor, locale), { ...http, ...CONTENT_REQUEST, signal }) : undefined;
    return Promise.all([loadPart(() => import('./api-content.js')), getStorage()]).then(([m, store]) =>
      m.loadFromApi(api, corridor, store, http, signal, started, locale),
    );
  };

  const load = (opts: { signal?: AbortSignal; refresh?: boolean; locale?: string | undefined } = {}): Promise<ContentResult> => {
    // A partner's own pack is read whole: only the API and the shipped packs come in slices.
    const locale = api || !options.pack ? (opts.locale ?? '') : '';
    let loading = current.get(locale);
    if (!loading || opts.refresh) {
      const pending = Promise.resolve()
        .then(() =>
          api
            ? loadFromApi(api, opts.signal, locale || undefined)
            : loadFromSource(options.pack ?? shippedPackUrl(corridor, locale || undefined), options.fetch, opts.signal),
        )
        .then((result) => {
          if (result.pack.corridor.id !== corridor) {
            throw new LindungiError(`The content pack is for corridor "${result.pack.corridor.id}", not "${corridor}"`, 'unknown-corridor');
          }
          return result;
        });
      current.set(locale, (loading = pending));
      pending.catch(() => {
        if (current.get(locale) === pending) current.delete(locale);
      });
    }
    return loading;
  };

  const content = async (opts?: { signal?: AbortSignal }) => (await load(opts)).pack;

  return {
    corridor,
    api,
    locale: options.locale,
    load,
    content,
    rights: async () => (await content()).rights,
    timeline: async (id) => (await content()).timelines.find((t) => t.id === id),
    hotlines: async (country) => {
      const pack = await content();
      return orderHotlines(pack, country ?? pack.corridor.destination);
    },
    reportStatus: async (ticket, opts = {}) => {
      if (!api) throw new LindungiNotConfiguredError();
      return (await loadPart(() => import('./report-status.js'))).fetchReportStatus(api, ticket, { ...http, signal: opts.signal });
    },
  };
}

/** The country's lines, then the origin's; emergency lines first within each group. */
export function orderHotlines(pack: ContentPack, country: string): Hotline[] {
  const byEmergency = (a: Hotline, b: Hotline) => Number(b.emergency) - Number(a.emergency);
  const local = pack.hotlines.filter((h) => h.country === country).sort(byEmergency);
  const origin = country === pack.corridor.origin ? [] : pack.hotlines.filter((h) => h.country === pack.corridor.origin).sort(byEmergency);
  return [...local, ...origin];
}
