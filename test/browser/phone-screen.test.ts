import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/lindungi.js';
import type { LindungiHotline, LindungiReportForm, LindungiStageTimeline } from '../../src/lindungi.js';
import { atStep, exampleAnswers, sentReport } from '../../stories/report-form-clients.js';
import { handledReportClient } from '../../stories/story-clients.js';
import { ready, text } from './helpers.js';

/**
 * What a worker sees on a 360 px phone: answers and links a thumb can hit, "Exit now" in a row of
 * its own, safety advice once, addresses and tickets that break only where they may, and booleans
 * that frameworks write as the string "false".
 */
type Widget = HTMLElement & { updateComplete: Promise<boolean> };

/** A widget in a 360 px wide column of a 600 px high page that scrolls, as on a phone. */
async function onPhone<T extends Widget>(
  markup: string,
  setUp: (el: T) => void = () => undefined,
  width = 360,
): Promise<{ el: T; root: ShadowRoot; scroller: HTMLElement }> {
  const scroller = await fixture<HTMLElement>(html`<div lang="en" style="inline-size: ${width}px; block-size: 600px; overflow: auto; font-size: 16px"></div>`);
  scroller.innerHTML = markup;
  const el = scroller.firstElementChild as T;
  setUp(el);
  await ready(el);
  return { el, root: el.shadowRoot!, scroller };
}

const form = (step: string, answers: object = exampleAnswers, width = 360) =>
  onPhone<LindungiReportForm & Widget>('<lindungi-report-form></lindungi-report-form>', (el) => (el.client = atStep(step, answers)()), width);

/** Targets smaller than 44 × 44 px: each as "text (width × height)". */
function smallTargets(root: ShadowRoot, selector: string): string[] {
  return [...root.querySelectorAll<HTMLElement>(selector)]
    .filter((el) => el.getClientRects().length)
    .map((el) => ({ el, box: el.getBoundingClientRect() }))
    .filter(({ box }) => box.width < 44 || box.height < 44)
    .map(({ el, box }) => `${text(el) || el.tagName} (${Math.round(box.width)} × ${Math.round(box.height)})`);
}

const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('on a 360 px phone', () => {
  it('every answer, link and button of the form is at least 44 × 44 px, on each step and the done page', async () => {
    for (const [step, answers] of [
      ['danger', { inDanger: 'yes' }],
      ['what', exampleAnswers],
      ['contact', exampleAnswers],
      ['check', exampleAnswers],
    ] as const) {
      const { el, root } = await form(step, answers);
      await waitUntil(() => root.querySelector('[part="continue"]'), `step ${step} did not show`);
      expect(smallTargets(root, '.choice label, button, a'), step).to.deep.equal([]);
      el.remove();
    }
    const { root } = await onPhone<LindungiReportForm & Widget>('<lindungi-report-form></lindungi-report-form>', (el) => (el.client = sentReport()()));
    await waitUntil(() => root.querySelector('[part="ticket"]'));
    expect(smallTargets(root, 'button, a')).to.deep.equal([]);
  });

  it("the wallet card's call and WhatsApp links are at least 44 × 44 px", async () => {
    const { root } = await onPhone('<lindungi-rights-card variant="wallet"></lindungi-rights-card>');
    const lines = root.querySelectorAll('.wallet-line');
    expect(lines.length).to.be.greaterThan(0);
    expect(smallTargets(root, '.wallet-line')).to.deep.equal([]);
  });

  it('"Exit now" has a row of its own across the form: nothing lies under it at rest, and a field the summary links to comes to rest below it', async () => {
    const { el, root, scroller } = await form('what', { inDanger: 'no' });
    const bar = root.querySelector<HTMLElement>('[part="exit-bar"]')!;
    const exit = root.querySelector<HTMLElement>('[part="exit"]')!;
    expect(bar.contains(exit)).to.equal(true);
    expect(getComputedStyle(bar).position).to.equal('sticky');
    expect(getComputedStyle(bar).backgroundColor).to.not.equal('rgba(0, 0, 0, 0)');
    expect(Math.round(bar.getBoundingClientRect().width)).to.equal(Math.round(root.querySelector<HTMLElement>('.form')!.getBoundingClientRect().width));
    const content = [...root.querySelectorAll<HTMLElement>('[part="heading"], [part="step-heading"], label, legend, .hint, input, textarea, select')];
    const covered = content.filter((c) => c.getClientRects().length && overlaps(c.getBoundingClientRect(), bar.getBoundingClientRect()));
    expect(covered.map((c) => text(c) || c.id)).to.deep.equal([]);
    // An error far down the step: following its link, the question rests below the bar, not under it.
    root.querySelector<HTMLElement>('[part="continue"]')!.click();
    await waitUntil(() => root.querySelector('[part="error-summary"] a'));
    const link = [...root.querySelectorAll<HTMLAnchorElement>('[part="error-summary"] a')].at(-1)!;
    link.click();
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 100));
    let focused = root.activeElement as HTMLElement;
    const label = focused.closest('fieldset')?.querySelector<HTMLElement>('legend') ?? root.querySelector<HTMLElement>(`label[for="${focused.id}"]`) ?? focused;
    expect(label.getBoundingClientRect().top, 'the question is below the exit row').to.be.at.least(bar.getBoundingClientRect().bottom - 1);
    expect(scroller.scrollTop).to.be.greaterThan(0);
    focused = root.activeElement as HTMLElement;
    expect(overlaps(focused.getBoundingClientRect(), bar.getBoundingClientRect())).to.equal(false);
  });

  it('in danger, the safety advice is shown once (the embedded help lines do not repeat it)', async () => {
    const { root } = await form('danger', { inDanger: 'yes' });
    const hotline = root.querySelector<LindungiHotline & Widget>('lindungi-hotline')!;
    await waitUntil(() => hotline.shadowRoot?.querySelector('.organisation'), 'the help lines did not show');
    const visible = (r: ShadowRoot) => [...r.querySelectorAll<HTMLElement>('[part="safety"]')].filter((s) => s.getClientRects().length);
    expect(visible(root).length + visible(hotline.shadowRoot!).length).to.equal(1);
    // The lines to try first where the worker is come first: police 117 and the embassy in person, then KP2MI.
    expect([...hotline.shadowRoot!.querySelectorAll('.organisation')].map((n) => text(n))).to.deep.equal([
      'Cambodian National Police, Hotline 117',
      'Indonesian Embassy in Phnom Penh (KBRI)',
      'KP2MI call centre',
    ]);
    expect(text(hotline.shadowRoot!.querySelector('.in-person .channel-label'))).to.equal('Go in person');
    // Every tip the form and the lines each have for this place is still in that one box.
    expect(text(visible(root)[0])).to.include('Clearing your browser history');
    expect(text(visible(root)[0])).to.include('use a device they do not check');
  });

  it('the quick exit hint says Shift works on a keyboard', async () => {
    const { root } = await form('danger', {});
    expect(text(root.querySelector('.exit-help'))).to.include('on a keyboard, pressing Shift three times');
  });

  it('web addresses break only after a dot, a slash or an @; copy buttons sit in one column on every line', async () => {
    const { root } = await onPhone('<lindungi-hotline></lindungi-hotline>');
    const addresses = [...root.querySelectorAll<HTMLElement>('.channel-value.address')];
    expect(addresses.length).to.be.greaterThan(0);
    for (const address of addresses) {
      for (const node of address.childNodes) {
        if (node.nodeType === Node.TEXT_NODE && node.textContent) expect(/^[^./@]*[./@]?$/.test(node.textContent), node.textContent).to.equal(true);
      }
      expect(getComputedStyle(address).overflowWrap).to.equal('break-word');
    }
    for (const card of root.querySelectorAll('[part="hotline"]')) {
      const copies = [...card.querySelectorAll<HTMLElement>('[part="copy"]')].map((b) => Math.round(b.getBoundingClientRect().left));
      // A place to go has nothing to copy.
      if (copies.length) expect(new Set(copies).size, `copy buttons start at ${copies.join(', ')}`).to.equal(1);
    }
  });

  it("a help number is never cut or covered, standalone or inside the form's narrower urgent box, on a 320 px phone", async () => {
    const standalone = await onPhone('<lindungi-hotline></lindungi-hotline>', undefined, 320);
    const { root: formRoot } = await form('danger', { inDanger: 'yes' }, 320);
    const embedded = formRoot.querySelector<LindungiHotline & Widget>('lindungi-hotline')!;
    await waitUntil(() => embedded.shadowRoot?.querySelector('.organisation'));
    for (const root of [standalone.root, embedded.shadowRoot!]) {
      const cut: string[] = [];
      for (const row of root.querySelectorAll<HTMLElement>('.channel-row:not(.in-person)')) {
        // The number's own box holds all of its text (a nowrap number wider than its box spills out of it).
        const value = row.querySelector<HTMLElement>('.channel-value')!;
        const number = value.getBoundingClientRect();
        const box = row.querySelector<HTMLElement>('[part="channel"]')!.getBoundingClientRect();
        const copy = row.querySelector<HTMLElement>('[part="copy"]')!.getBoundingClientRect();
        if (value.scrollWidth > value.clientWidth + 1 || number.right > box.right + 0.5 || overlaps(number, copy)) cut.push(text(value));
      }
      expect(cut).to.deep.equal([]);
      for (const card of root.querySelectorAll('[part="hotline"]')) {
        const copies = [...card.querySelectorAll<HTMLElement>('[part="copy"]')].map((b) => Math.round(b.getBoundingClientRect().left));
        if (copies.length) expect(new Set(copies).size).to.equal(1);
      }
    }
  });

  it('a ticket in the timeline heading never breaks inside itself', async () => {
    const { root } = await onPhone<LindungiStageTimeline & Widget>(
      '<lindungi-stage-timeline ticket="LDG-7K4M-Q9TX" style="inline-size: 200px; display: block"></lindungi-stage-timeline>',
      (el) => {
        el.client = handledReportClient();
      },
    );
    await waitUntil(() => root.querySelector('[part="stages"]'));
    const ticket = root.querySelector<HTMLElement>('[part="heading"] .ticket')!;
    expect(text(ticket)).to.equal('LDG-7K4M-Q9TX');
    expect(ticket.getClientRects().length).to.equal(1);
  });
});

describe('booleans bound by frameworks as the string "false"', () => {
  it('emergency-only="false" shows every line, as without the attribute', async () => {
    const all = await onPhone('<lindungi-hotline></lindungi-hotline>');
    const off = await onPhone('<lindungi-hotline emergency-only="false"></lindungi-hotline>');
    const on = await onPhone('<lindungi-hotline emergency-only></lindungi-hotline>');
    const count = (r: ShadowRoot) => r.querySelectorAll('[part="hotline"]').length;
    expect(count(off.root)).to.equal(count(all.root));
    expect(count(on.root)).to.be.lessThan(count(all.root));
  });

  it('keep-draft-on-exit="false", open="false" and compact="false" read as false', async () => {
    const { el: formEl } = await onPhone<LindungiReportForm & Widget>(
      '<lindungi-report-form keep-draft-on-exit="false"></lindungi-report-form>',
      (el) => (el.client = atStep('danger', {})()),
    );
    expect(formEl.keepDraftOnExit).to.equal(false);
    const { el: floating, root } = await onPhone<LindungiHotline & Widget>('<lindungi-hotline variant="floating" open="false"></lindungi-hotline>');
    expect(floating.open).to.equal(false);
    expect(root.querySelector<HTMLDialogElement>('dialog')!.open).to.equal(false);
    const { el: timeline, root: timelineRoot } = await onPhone<LindungiStageTimeline & Widget>(
      '<lindungi-stage-timeline timeline="agreement-id-kh" compact="false"></lindungi-stage-timeline>',
    );
    expect(timeline.compact).to.equal(false);
    expect(timelineRoot.querySelector('.timeline')!.classList.contains('compact')).to.equal(false);
    const { root: compactRoot } = await onPhone('<lindungi-stage-timeline timeline="agreement-id-kh" compact></lindungi-stage-timeline>');
    expect(compactRoot.querySelector('.timeline')!.classList.contains('compact')).to.equal(true);
  });
});
