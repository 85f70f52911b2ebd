import { expect, fixture, html } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import '../../src/hotline.js';
import '../../src/rights-card.js';
import '../../src/stage-timeline.js';
import '../../src/report-form.js';
import { formClient } from '../../stories/report-form-clients.js';
import { ready } from './helpers.js';

// One reporting client for every mount, its outbox already started: the client's own `online`
// listener belongs to the page's client, not to any one form.
const reporting = formClient();
await reporting.reports.entries();

/**
 * Counts what is still attached to the window and the document: listeners, observers, timers.
 * The real functions still run; the counters only watch them.
 */
function watchAttachments() {
  const listeners = new Map<string, number>();
  const restores: (() => void)[] = [];
  for (const [name, target] of [
    ['window', window],
    ['document', document],
  ] as const) {
    const add = target.addEventListener;
    const remove = target.removeEventListener;
    const attached = new Set<string>();
    const keyOf = (type: string, fn: unknown, options?: boolean | EventListenerOptions) =>
      `${type}|${typeof options === 'object' ? !!options.capture : !!options}|${fnId(fn)}`;
    target.addEventListener = function (
      this: EventTarget,
      type: string,
      fn: EventListenerOrEventListenerObject | null,
      options?: boolean | AddEventListenerOptions,
    ) {
      if (fn && !(typeof options === 'object' && options.once)) attached.add(keyOf(type, fn, options));
      return add.call(this, type, fn as EventListenerOrEventListenerObject, options);
    } as typeof add;
    target.removeEventListener = function (
      this: EventTarget,
      type: string,
      fn: EventListenerOrEventListenerObject | null,
      options?: boolean | EventListenerOptions,
    ) {
      attached.delete(keyOf(type, fn, options));
      return remove.call(this, type, fn as EventListenerOrEventListenerObject, options);
    } as typeof remove;
    restores.push(() => {
      target.addEventListener = add;
      target.removeEventListener = remove;
    });
    listeners.set(name, 0);
    Object.defineProperty(listeners, name, { get: () => attached.size });
  }
  let observers = 0;
  for (const name of ['MutationObserver', 'ResizeObserver', 'IntersectionObserver'] as const) {
    const proto = window[name].prototype as { observe: (...a: unknown[]) => void; disconnect: () => void };
    const { observe, disconnect } = proto;
    const watching = new WeakSet<object>();
    proto.observe = function (...args: unknown[]) {
      if (!watching.has(this)) {
        watching.add(this);
        observers++;
      }
      return observe.apply(this, args);
    };
    proto.disconnect = function () {
      if (watching.delete(this)) observers--;
      return disconnect.call(this);
    };
    restores.push(() => Object.assign(proto, { observe, disconnect }));
  }
  const intervals = new Set<number>();
  const { setInterval: set, clearInterval: clear } = window;
  window.setInterval = ((fn: TimerHandler, ms?: number, ...args: unknown[]) => {
    const id = set(fn, ms, ...args);
    intervals.add(id);
    return id;
  }) as typeof setInterval;
  window.clearInterval = ((id?: number) => {
    if (id !== undefined) intervals.delete(id);
    clear(id);
  }) as typeof clearInterval;
  restores.push(() => Object.assign(window, { setInterval: set, clearInterval: clear }));
  return {
    snapshot: () => ({
      windowListeners: (listeners as unknown as Record<string, number>).window,
      documentListeners: (listeners as unknown as Record<string, number>).document,
      observers,
      intervals: intervals.size,
    }),
    restore: () => restores.reverse().forEach((r) => r()),
  };
}

const ids = new WeakMap<object, number>();
let nextId = 0;
function fnId(fn: unknown): number {
  if (typeof fn !== 'object' && typeof fn !== 'function') return -1;
  if (!ids.has(fn as object)) ids.set(fn as object, nextId++);
  return ids.get(fn as object)!;
}

const WIDGETS: [string, () => TemplateResult][] = [
  ['lindungi-hotline', () => html`<lindungi-hotline></lindungi-hotline>`],
  ['lindungi-hotline (floating)', () => html`<lindungi-hotline variant="floating"></lindungi-hotline>`],
  ['lindungi-rights-card', () => html`<lindungi-rights-card></lindungi-rights-card>`],
  ['lindungi-stage-timeline', () => html`<lindungi-stage-timeline timeline="agreement-id-kh"></lindungi-stage-timeline>`],
  ['lindungi-report-form', () => html`<lindungi-report-form .client=${reporting}></lindungi-report-form>`],
];

describe('no leaks', () => {
  for (const [name, template] of WIDGETS) {
    it(`${name}: mounted and removed 100 times, leaves no listener, observer or timer behind`, async () => {
      const host = await fixture<HTMLElement>(html`<div lang="en"></div>`);
      const watch = watchAttachments();
      try {
        const before = watch.snapshot();
        let during = before;
        for (let i = 0; i < 100; i++) {
          const container = host.appendChild(document.createElement('div'));
          render(template(), container);
          const el = container.firstElementChild as HTMLElement & { updateComplete: Promise<boolean> };
          await el.updateComplete;
          if (i === 0) {
            await ready(el);
            during = watch.snapshot();
          }
          container.remove();
        }
        await new Promise((r) => setTimeout(r, 20));
        // The check can fail: while a widget is on the page, it does attach things.
        expect(
          Object.values(during).some((n, i) => n > Object.values(before)[i]),
          'a mounted widget attaches something',
        ).to.equal(true);
        expect(watch.snapshot()).to.deep.equal(before);
      } finally {
        watch.restore();
      }
    });
  }

  it('lindungi-report-form removed before its first update, its code arriving after, attaches nothing', async () => {
    const host = await fixture<HTMLElement>(html`<div lang="en"></div>`);
    const watch = watchAttachments();
    // The outbox's own listeners too: a form that is gone must not follow the page's reports.
    const outbox = reporting.reports;
    const addOnOutbox = outbox.addEventListener.bind(outbox);
    const removeOnOutbox = outbox.removeEventListener.bind(outbox);
    const following = new Set<unknown>();
    outbox.addEventListener = (type: string, fn: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) => {
      following.add(fn);
      addOnOutbox(type, fn, options);
    };
    outbox.removeEventListener = (type: string, fn: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) => {
      following.delete(fn);
      removeOnOutbox(type, fn, options);
    };
    try {
      const before = watch.snapshot();
      const forms: Array<HTMLElement & { updateComplete: Promise<boolean> }> = [];
      for (let i = 0; i < 10; i++) {
        const container = host.appendChild(document.createElement('div'));
        render(html`<lindungi-report-form .client=${reporting}></lindungi-report-form>`, container);
        forms.push(container.firstElementChild as HTMLElement & { updateComplete: Promise<boolean> });
        // Gone before it ever rendered: its form code and the draft arrive while it is off the page.
        container.remove();
      }
      await new Promise((r) => setTimeout(r, 300));
      for (const form of forms) await form.updateComplete;
      expect(watch.snapshot()).to.deep.equal(before);
      expect(following.size, 'forms off the page following the outbox').to.equal(0);
      // Put back on the page, one reads its draft and shows its first step.
      const back = host.appendChild(document.createElement('div'));
      back.appendChild(forms[0]!);
      await ready(forms[0]!);
      expect(forms[0]!.shadowRoot!.querySelector('[part="continue"]'), 'the form works once it is back').to.exist;
      back.remove();
      await forms[0]!.updateComplete;
      expect(following.size).to.equal(0);
      expect(watch.snapshot()).to.deep.equal(before);
    } finally {
      watch.restore();
      Object.assign(outbox, { addEventListener: addOnOutbox, removeEventListener: removeOnOutbox });
    }
  });
});
