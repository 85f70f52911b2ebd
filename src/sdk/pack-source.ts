import { LindungiError, LindungiNetworkError } from './errors.js';
import type { ContentPack } from './schema.js';

/** What loading content gives: the pack, and whether it is a saved copy shown while offline. */
export interface ContentResult {
  pack: ContentPack;
  /** True when the content could not be refreshed and a saved copy is shown. */
  offline: boolean;
  /** When the saved copy was stored (ISO 8601), for "saved on …" notes. */
  savedAt?: string | undefined;
}

/**
 * Where content comes from when no API is configured: a pack object, the URL of a pack file,
 * or a function that loads one (for a partner's own storage).
 */
export type PackSource = object | URL | string | (() => Promise<ContentResult | object>);

/**
 * The packs shipped with the package, whole and in each locale alone (`content/slices/`, made by
 * `slicePack`). Each URL is written out literally so bundlers (Vite, webpack, the CDN build) see it
 * and copy the file next to their output.
 */
const SHIPPED_PACKS: Record<string, Record<string, () => URL>> = {
  'ID-KH': {
    '': () => new URL('../../content/ID-KH.json', import.meta.url),
    id: () => new URL('../../content/slices/ID-KH.id.json', import.meta.url),
    en: () => new URL('../../content/slices/ID-KH.en.json', import.meta.url),
    km: () => new URL('../../content/slices/ID-KH.km.json', import.meta.url),
    ms: () => new URL('../../content/slices/ID-KH.ms.json', import.meta.url),
    ar: () => new URL('../../content/slices/ID-KH.ar.json', import.meta.url),
  },
};

/**
 * The shipped pack of `corridor`: whole, or with `locale` only its texts in that locale (a reader
 * of a locale the pack does not have gets the Indonesian, as `pickText` would show).
 */
export function shippedPackUrl(corridor: string, locale?: string): URL {
  const urls = SHIPPED_PACKS[corridor];
  if (!urls) throw new LindungiError(`No content pack is shipped for corridor "${corridor}"`, 'unknown-corridor');
  const url = locale === undefined ? urls[''] : (urls[locale] ?? urls[locale.split('-')[0]!] ?? urls['id'] ?? urls['']);
  return url!();
}

/** Read a pack file: `fetch` for http(s) URLs, the file system for `file:` URLs in Node. */
export async function readPackFile(url: URL, fetchImpl: typeof fetch | undefined, signal?: AbortSignal): Promise<unknown> {
  if (url.protocol === 'file:') {
    // Kept out of sight of browser bundlers: this branch only ever runs in Node.
    const fsModule = 'node:fs/promises';
    const { readFile } = (await import(/* @vite-ignore */ /* webpackIgnore: true */ fsModule)) as {
      readFile(path: URL, encoding: 'utf8'): Promise<string>;
    };
    return JSON.parse(await readFile(url, 'utf8'));
  }
  let response: Response;
  try {
    response = await (fetchImpl ?? fetch)(url, { signal: signal ?? null, credentials: 'omit' });
  } catch (cause) {
    if (signal?.aborted) throw new LindungiNetworkError('Loading content was aborted', 'aborted', { cause });
    throw new LindungiNetworkError(`Could not load content from ${url.href}`, 'failed', { cause });
  }
  if (!response.ok) throw new LindungiNetworkError(`Content file ${url.href} answered ${response.status}`, 'failed');
  return response.json();
}
