/**
 * The last words of a draft: when the page is hidden or left with changes not yet written to
 * IndexedDB (whose writes a closing page may abort), they are kept synchronously in
 * localStorage, moved back to the draft on the next visit, and removed with it.
 */
const PREFIX = 'lindungi-draft-rescue:';

export interface Rescued {
  value: { step: string; answers: unknown };
  savedAt: string;
}

export function keepRescue(key: string, value: Rescued['value']): void {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify({ value, savedAt: new Date().toISOString() } satisfies Rescued));
  } catch {
    // No storage (private mode, quota): the asynchronous save is all there is.
  }
}

export function readRescue(key: string): Rescued | undefined {
  try {
    const parsed = JSON.parse(localStorage.getItem(PREFIX + key) ?? 'null') as Rescued | null;
    return parsed && typeof parsed.savedAt === 'string' && parsed.value && typeof parsed.value === 'object' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function dropRescue(key: string): void {
  try {
    localStorage.removeItem(PREFIX + key);
  } catch {
    // Nothing was kept.
  }
}
