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
 * The packs shipped with the package. Each URL is written out literally so bundlers (Vite,
 * webpack, the CDN build) see it and copy the file next to their output.
 */
const SHIPPED_PACKS: Record<string, () => URL> = {
  'ID-KH': () => new URL('../../content/ID-KH.json', import.meta.url),
};

export function shippedPackUrl(corridor: string): URL {
  const url = SHIPPED_PACKS[corridor];
  if (!url) throw new LindungiError(`No content pack is shipped for corridor "${corridor}"`, 'unknown-corridor');
  return url();
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
