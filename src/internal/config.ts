import { createContentClient, DEFAULT_CORRIDOR, type ContentClient } from '../sdk/content-client.js';
import type { PackSource } from '../sdk/pack-source.js';
import { setConfiguredLocale } from './locale.js';
import { setMessages, setTexts, type Messages, type Texts } from './overrides.js';

export interface LindungiConfig {
  /** Show every widget in this locale instead of following the page's `lang`. `undefined` follows the page again. */
  locale?: string | undefined;
  /** Default corridor for widgets without a `corridor` attribute. */
  corridor?: string | undefined;
  /** Default API base URL for widgets without an `api` attribute. */
  api?: string | undefined;
  /** Content for widgets without an API: a pack object, its URL, or a loader. */
  pack?: PackSource | undefined;
  /**
   * Interface strings of your own, by locale and id: `{ km: { 'rf-send': '…' } }`. The ids are
   * those of the package's `locales/<locale>.xlf`; `{0}`, `{1}` stand for a string's placeholders.
   * Shown as text, never as markup. `undefined` returns to the shipped strings.
   */
  messages?: Messages | undefined;
  /**
   * Content pack texts of your own, by path and locale: `{ 'rights[0].title': { km: '…' } }`. The
   * paths are the ids of `npm run content:export`. Only texts (never a phone number, a link or a
   * date), shown as text. `undefined` returns to the pack's own.
   */
  texts?: Texts | undefined;
}

const settings: { corridor: string; api?: string | undefined; pack?: PackSource | undefined } = { corridor: DEFAULT_CORRIDOR };
const clients = new Map<string, ContentClient>();
const configListeners = new Set<() => void>();

/** Page-wide settings for every Lindungi widget. */
export function configure(config: LindungiConfig): void {
  if ('locale' in config) setConfiguredLocale(config.locale);
  if (config.corridor !== undefined) settings.corridor = config.corridor;
  if ('api' in config) settings.api = config.api;
  if ('pack' in config) {
    settings.pack = config.pack;
    clients.clear();
  }
  if ('messages' in config) setMessages(config.messages);
  if ('texts' in config) setTexts(config.texts);
  // A new locale re-renders through the locale watcher; new content settings and words show the
  // content again (from memory when it is already loaded).
  if (['corridor', 'api', 'pack', 'messages', 'texts'].some((key) => key in config)) for (const listener of configListeners) listener();
}

/** Show every widget in `locale` (same as `configure({ locale })`). */
export function setLocale(locale: string | undefined): void {
  setConfiguredLocale(locale);
}

export function onConfigure(listener: () => void): () => void {
  configListeners.add(listener);
  return () => configListeners.delete(listener);
}

/** One client per corridor and API, shared by every widget on the page. */
export function sharedClient(corridor: string | undefined, api: string | undefined): ContentClient {
  const c = corridor || settings.corridor;
  const a = api || settings.api;
  const key = `${c}|${a ?? ''}`;
  let client = clients.get(key);
  if (!client) {
    client = createContentClient({ corridor: c, ...(a ? { api: a } : {}), ...(settings.pack ? { pack: settings.pack } : {}) });
    clients.set(key, client);
  }
  return client;
}
