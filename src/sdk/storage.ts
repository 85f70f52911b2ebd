/**
 * Where the SDK keeps what must survive a reload or a restart: the last good content and the
 * report outbox. IndexedDB in browsers (through idb-keyval), memory or a JSON file in Node.
 */
import { createStore, del, get, keys, set, setMany, type UseStore } from 'idb-keyval';
import { LindungiError } from './errors.js';

/** Device storage could not be read or written (a full disk, a damaged file). */
export class LindungiStorageError extends LindungiError {
  override name = 'LindungiStorageError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 'storage', options);
  }
}

export interface KeyValueStorage {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  keys(): Promise<string[]>;
  /**
   * Write several keys at once: all of them or, on failure, none. Optional for a storage of your
   * own; without it the keys are written one after another, in order.
   */
  setMany?(entries: ReadonlyArray<readonly [string, unknown]>): Promise<void>;
}

export function memoryStorage(): KeyValueStorage {
  const map = new Map<string, unknown>();
  return {
    get: async <T>(key: string) => structuredClone(map.get(key)) as T | undefined,
    set: async (key, value) => void map.set(key, structuredClone(value)),
    delete: async (key) => void map.delete(key),
    keys: async () => [...map.keys()],
    setMany: async (entries) => {
      const copies = entries.map(([key, value]) => [key, structuredClone(value)] as const);
      for (const [key, value] of copies) map.set(key, value);
    },
  };
}

/**
 * IndexedDB, in a database of its own so nothing mixes with the host page's data. idb-keyval is
 * imported with this module, not after it: a page that opens the store pays one round trip, not two.
 */
export function indexedDbStorage(): KeyValueStorage {
  let store: UseStore | undefined;
  const s = () => (store ??= createStore('lindungi', 'kv'));
  return {
    get: async <T>(key: string) => get<T>(key, s()),
    set: async (key, value) => set(key, value, s()),
    delete: async (key) => del(key, s()),
    keys: async () => (await keys(s())).map(String),
    // One IndexedDB transaction.
    setMany: async (entries) =>
      setMany(
        entries.map(([key, value]) => [key, value]),
        s(),
      ),
  };
}

/**
 * A JSON file (Node): every write replaces the file through a temporary file and a rename, so a
 * crash mid-write leaves the previous contents, never half of them. A failed write is reported to
 * its caller and does not stop the next one. A file that cannot be parsed is never overwritten:
 * it is moved aside (`<path>.corrupt-<time>`) and the read fails with a `LindungiStorageError`
 * naming both paths; the next read starts from an empty file.
 */
export function fileStorage(path: string): KeyValueStorage {
  interface Fs {
    readFile(path: string, encoding: 'utf8'): Promise<string>;
    writeFile(path: string, data: string): Promise<void>;
    rename(from: string, to: string): Promise<void>;
    unlink(path: string): Promise<void>;
  }
  const fsName = 'node:fs/promises';
  const fs = import(/* @vite-ignore */ /* webpackIgnore: true */ fsName) as Promise<Fs>;
  let data: Promise<Record<string, unknown>> | undefined;
  let writing: Promise<void> = Promise.resolve();

  const load = async (): Promise<Record<string, unknown>> => {
    const { readFile, rename } = await fs;
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return {};
      throw new LindungiStorageError(`Could not read ${path}: ${(error as Error).message}`, { cause: error });
    }
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    } catch {
      // Not JSON: handled below, like JSON of the wrong shape.
    }
    const aside = `${path}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await rename(path, aside);
    throw new LindungiStorageError(`${path} is damaged and was not read; it was kept as ${aside}. Nothing was overwritten.`);
  };
  const read = () => {
    if (!data) {
      data = load();
      // A failed read is not kept: the next call reads again.
      data.catch(() => (data = undefined));
    }
    return data;
  };
  const persist = (all: Record<string, unknown>) => {
    const snapshot = JSON.stringify(all);
    // Writes go one after another; one that fails is reported to its caller and the next still runs.
    const write = writing.then(async () => {
      const { writeFile, rename, unlink } = await fs;
      const temp = `${path}.${Math.random().toString(36).slice(2)}.tmp`;
      try {
        await writeFile(temp, snapshot);
        await rename(temp, path);
      } catch (error) {
        await unlink(temp).catch(() => undefined);
        throw new LindungiStorageError(`Could not write ${path}: ${(error as Error).message}`, { cause: error });
      }
    });
    writing = write.catch(() => undefined);
    return write;
  };
  return {
    get: async <T>(key: string) => structuredClone((await read())[key]) as T | undefined,
    set: async (key, value) => {
      const all = await read();
      all[key] = structuredClone(value);
      await persist(all);
    },
    delete: async (key) => {
      const all = await read();
      delete all[key];
      await persist(all);
    },
    keys: async () => Object.keys(await read()),
    setMany: async (entries) => {
      const all = await read();
      for (const [key, value] of entries) all[key] = structuredClone(value);
      // One file replaced by one rename.
      await persist(all);
    },
  };
}

/** IndexedDB where there is one, memory elsewhere. */
export function defaultStorage(): KeyValueStorage {
  return typeof indexedDB === 'undefined' ? memoryStorage() : indexedDbStorage();
}
