import { LindungiApiError, LindungiError, LindungiNetworkError } from './errors.js';
import { request } from './http.js';
import type { ContentResult } from './pack-source.js';
import { CONTENT_REQUEST, contentUrl, type StartedRequest } from './request-start.js';
import type { ContentPack } from './schema.js';
import type { KeyValueStorage } from './storage.js';
import { parseContentPack as parse } from './validate.js';

// Loaded only by clients with an API, together with the validator it needs anyway.
const parseContentPack = async (json: unknown): Promise<ContentPack> => parse(json);

interface SavedContent {
  etag?: string | undefined;
  pack: unknown;
  savedAt: string;
}

/**
 * Content from the API: ETag revalidation, the last good copy kept in storage and returned marked
 * `offline` when the API cannot be reached. `started` is the request, already sent without waiting
 * for storage: in a browser the HTTP cache revalidates it with the ETag, so it carries none of ours.
 */
export async function loadFromApi(
  api: string,
  corridor: string,
  storage: KeyValueStorage,
  http: { fetch?: typeof fetch | undefined; timeoutMs: number },
  signal?: AbortSignal,
  started?: StartedRequest,
  locale?: string,
): Promise<ContentResult> {
  const key = `content:${api}|${corridor}${locale ? `|${locale}` : ''}`;
  const saved = await storage.get<SavedContent>(key).catch(() => undefined);
  let response: Response;
  try {
    const options = { headers: !started && saved?.etag ? { 'If-None-Match': saved.etag } : {}, signal, ...http, ...CONTENT_REQUEST };
    response = await request(contentUrl(api, corridor, locale), options, started);
  } catch (error) {
    if (error instanceof LindungiApiError && error.status === 404) {
      throw new LindungiError(`The API has no content for corridor "${corridor}"`, 'unknown-corridor');
    }
    const unreachable = error instanceof LindungiNetworkError && error.reason !== 'aborted';
    if (saved && (unreachable || (error instanceof LindungiApiError && error.status >= 500))) {
      return { pack: await parseContentPack(saved.pack), offline: true, savedAt: saved.savedAt };
    }
    throw error;
  }
  if (response.status === 304 && saved) {
    return { pack: await parseContentPack(saved.pack), offline: false, savedAt: saved.savedAt };
  }
  const json: unknown = await response.json();
  const pack = await parseContentPack(json);
  const etag = response.headers.get('ETag') ?? undefined;
  await storage.set(key, { etag, pack: json, savedAt: new Date().toISOString() } satisfies SavedContent).catch(() => undefined);
  return { pack, offline: false };
}
