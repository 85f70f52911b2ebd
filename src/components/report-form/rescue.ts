/**
 * The draft's key on the device, and its last words: when the page is hidden or left with changes
 * not yet written to IndexedDB (whose writes a closing page may abort), they are kept
 * synchronously in localStorage, moved back to the draft on the next visit, and removed with it.
 * Small on purpose: the element's entry uses it to erase on "Exit now".
 */
const PREFIX = 'lindungi-draft-rescue:';

/** The key of a corridor's draft, in the SDK's draft store and in the rescue copy. */
export const draftKeyFor = (corridor: string): string => `report-form:${corridor}`;

export interface Rescued {
  value: { step: string; answers: unknown };
  savedAt: string;
}

/** The synchronous storage the rescue copy is kept in (the page's localStorage unless a test gives its own). */
export type RescueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const pageStorage = (): RescueStorage => localStorage;

export function keepRescue(key: string, value: Rescued['value'], storage: RescueStorage = pageStorage(), now = new Date()): void {
  try {
    storage.setItem(PREFIX + key, JSON.stringify({ value, savedAt: now.toISOString() } satisfies Rescued));
  } catch {
    // No storage (private mode, quota): the asynchronous save is all there is.
  }
}

export function readRescue(key: string, storage: RescueStorage = pageStorage()): Rescued | undefined {
  try {
    const parsed = JSON.parse(storage.getItem(PREFIX + key) ?? 'null') as Rescued | null;
    return parsed && typeof parsed.savedAt === 'string' && parsed.value && typeof parsed.value === 'object' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function dropRescue(key: string, storage?: RescueStorage): void {
  try {
    (storage ?? pageStorage()).removeItem(PREFIX + key);
  } catch {
    // Nothing was kept.
  }
}
