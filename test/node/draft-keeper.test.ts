/**
 * The report form's draft keeper without a browser: the page's window and document are event
 * targets, localStorage is a Map, and the draft store answers when the test says so. These are
 * the races a closing page or a slow store produce on a phone.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DraftKeeper, type DraftValue } from '../../src/components/report-form/draft-keeper.js';
import { readRescue, type RescueStorage } from '../../src/components/report-form/rescue.js';
import type { SavedDraft } from '../../src/sdk/outbox.js';

const KEY = 'report-form:ID-KH';
const pause = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

class MemoryStorage implements RescueStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

/** A draft store whose writes finish only when the test lets them (`finish(i)`), in any order. */
class SlowDrafts {
  readonly kept = new Map<string, SavedDraft>();
  readonly writes: Array<{ value: unknown; finish: () => void; fail: (error: Error) => void }> = [];
  saveDraft(id: string, value: unknown): Promise<void> {
    return new Promise((resolve, reject) => {
      this.writes.push({
        value,
        finish: () => {
          this.kept.set(id, { value, savedAt: new Date().toISOString() });
          resolve();
        },
        fail: reject,
      });
    });
  }
  async draft<T>(id: string): Promise<SavedDraft<T> | undefined> {
    return this.kept.get(id) as SavedDraft<T> | undefined;
  }
  async deleteDraft(id: string): Promise<void> {
    this.kept.delete(id);
  }
}

function page(visibility: DocumentVisibilityState = 'visible') {
  const win = new EventTarget();
  const doc = Object.assign(new EventTarget(), { visibilityState: visibility });
  return { win, doc };
}

function keeper(options: { drafts?: SlowDrafts; storage?: MemoryStorage; value?: () => DraftValue | undefined; failed?: unknown[] } = {}) {
  const drafts = options.drafts ?? new SlowDrafts();
  const storage = options.storage ?? new MemoryStorage();
  const { win, doc } = page();
  let answers = { description: 'They took my passport' };
  const k = new DraftKeeper({
    drafts,
    key: KEY,
    snapshot: options.value ?? (() => ({ step: 'what', answers })),
    onSaveFailed: (error) => options.failed?.push(error),
    window: win,
    document: doc,
    storage,
    delayMs: 5,
  });
  k.connect();
  return { k, drafts, storage, win, doc, type: (description: string) => ((answers = { description }), k.changed()) };
}

describe('the report form keeps its draft on the device', () => {
  it('writes once typing pauses, and an older write that finishes late confirms nothing', async () => {
    const { k, drafts, storage, win, type } = keeper();
    type('They took');
    await pause(20);
    assert.equal(drafts.writes.length, 1, 'one write after the pause');
    type('They took my passport');
    await pause(20);
    assert.equal(drafts.writes.length, 2);
    drafts.writes[0].finish();
    await pause();
    assert.equal(k.pending, true, 'the newer answers are not written yet');
    // The page closes now: its last words are the newer answers, kept synchronously.
    win.dispatchEvent(new Event('pagehide'));
    assert.deepEqual(readRescue(KEY, storage)?.value, { step: 'what', answers: { description: 'They took my passport' } });
    drafts.writes.at(-1)!.finish();
    await pause();
    assert.equal(k.pending, false);
    assert.equal(readRescue(KEY, storage), undefined, 'written, the rescue copy goes');
  });

  it('keeps what was typed when the page is hidden, and the next visit takes it over an older draft', async () => {
    const drafts = new SlowDrafts();
    const storage = new MemoryStorage();
    drafts.kept.set(KEY, { value: { step: 'danger', answers: { description: 'old' } }, savedAt: '2026-01-01T00:00:00.000Z' });
    const first = keeper({ drafts, storage });
    first.type('typed just before the phone locked');
    first.doc.visibilityState = 'hidden';
    first.doc.dispatchEvent(new Event('visibilitychange'));
    assert.ok(readRescue(KEY, storage), 'kept at once, before any asynchronous write could finish');
    // The write is cut off with the page: the next visit reads the rescue copy.
    const next = keeper({ drafts, storage });
    const read = await next.k.read();
    assert.deepEqual(read?.value, { step: 'what', answers: { description: 'typed just before the phone locked' } });
    assert.equal(next.k.pending, true, 'and writes it to the draft again');
  });

  it('drops a rescue copy older than the draft, or beside a report already handed over', async () => {
    const drafts = new SlowDrafts();
    const storage = new MemoryStorage();
    storage.setItem(`lindungi-draft-rescue:${KEY}`, JSON.stringify({ value: { step: 'what', answers: {} }, savedAt: '2026-01-01T00:00:00.000Z' }));
    drafts.kept.set(KEY, { value: { outcome: { localId: 'a', state: 'queued' } }, savedAt: '2025-12-01T00:00:00.000Z' });
    const { k } = keeper({ drafts, storage });
    assert.deepEqual((await k.read())?.value, { outcome: { localId: 'a', state: 'queued' } }, 'the report wins: its answers are never offered twice');
    assert.equal(readRescue(KEY, storage), undefined);
    assert.equal(k.pending, false);
  });

  it('writes nothing while the report is handed over, keeps a rescue copy if the page goes then, and drops it once kept', async () => {
    const { k, drafts, storage, win, type } = keeper();
    let handedOver!: () => void;
    const handing = k.handOver(() => new Promise<void>((resolve) => (handedOver = resolve)));
    type('a change during the hand-over');
    await pause(20);
    k.saveNow();
    assert.equal(drafts.writes.length, 0, 'the outbox replaces the draft itself, in one write');
    win.dispatchEvent(new Event('pagehide'));
    assert.ok(readRescue(KEY, storage), 'if the page goes before the report is kept, these are the answers');
    handedOver();
    await handing;
    assert.equal(readRescue(KEY, storage), undefined);
    assert.equal(k.pending, false);
  });

  it('after a refused hand-over the answers become the draft again', async () => {
    const { k, drafts } = keeper();
    await assert.rejects(k.handOver(() => Promise.reject(new Error('refused'))));
    const again = k.keepAgain({ step: 'check', answers: { description: 'kept' } });
    drafts.writes[0].finish();
    await again;
    assert.deepEqual(drafts.kept.get(KEY)?.value, { step: 'check', answers: { description: 'kept' } });
  });

  it('after stop() ("Exit now") nothing is written or rescued, even when the page then closes', async () => {
    const { k, drafts, storage, win, type } = keeper();
    type('something to hide');
    k.stop();
    await pause(20);
    win.dispatchEvent(new Event('pagehide'));
    k.keepOutcome({ state: 'sent' });
    assert.equal(drafts.writes.length, 0);
    assert.equal(storage.items.size, 0);
  });

  it('erase() removes the draft and its rescue copy, and a write already waiting does not bring it back', async () => {
    const { k, drafts, storage, win, type } = keeper();
    drafts.kept.set(KEY, { value: { step: 'what', answers: {} }, savedAt: new Date().toISOString() });
    type('to be erased');
    win.dispatchEvent(new Event('pagehide'));
    drafts.writes.length = 0;
    type('typed again');
    await k.erase();
    await pause(20);
    assert.equal(drafts.kept.has(KEY), false);
    assert.equal(readRescue(KEY, storage), undefined);
    assert.equal(drafts.writes.length, 0, 'the pending write was cancelled');
  });

  it('says when a write fails, so the reader can be told to keep the page open', async () => {
    const failed: unknown[] = [];
    const { drafts, type } = keeper({ failed });
    type('x');
    await pause(20);
    drafts.writes[0].fail(new Error('QuotaExceededError'));
    await pause();
    assert.equal(failed.length, 1);
  });

  it('keeps nothing when there is nothing to keep (no answers, or the report is done)', async () => {
    const { k, drafts, storage, win } = keeper({ value: () => undefined });
    k.changed();
    await pause(20);
    win.dispatchEvent(new Event('pagehide'));
    assert.equal(drafts.writes.length, 0);
    assert.equal(storage.items.size, 0);
  });
});
