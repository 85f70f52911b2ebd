import { LindungiNetworkError } from './errors.js';

/**
 * A part of the SDK downloaded on first use (the validator, the device store): a failed download
 * is a network error like any other, which the reader can try again.
 */
export function loadPart<T>(load: () => Promise<T>): Promise<T> {
  return load().catch((cause: unknown) => {
    throw new LindungiNetworkError('A part of Lindungi could not be downloaded', 'failed', { cause });
  });
}

/** `load` run once and its result kept; a failure is not kept, so the next call tries again. */
export function keepOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let kept: Promise<T> | undefined;
  return () => {
    if (!kept) {
      const pending = (kept = load());
      pending.catch(() => {
        if (kept === pending) kept = undefined;
      });
    }
    return kept;
  };
}
