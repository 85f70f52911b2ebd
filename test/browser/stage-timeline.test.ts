import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/stage-timeline.js';
import type { LindungiStageTimeline } from '../../src/stage-timeline.js';
import type { LindungiStageToggleEvent } from '../../src/components/stage-timeline/events.js';
import { createContentClient, type Stage } from '../../src/sdk/index.js';
import { captureWarnings, ready, text } from './helpers.js';

async function timeline(template: ReturnType<typeof html>): Promise<LindungiStageTimeline> {
  const host = await fixture<HTMLElement>(template);
  const el = (host.matches('lindungi-stage-timeline') ? host : host.querySelector('lindungi-stage-timeline')) as LindungiStageTimeline;
  await ready(el);
  await waitUntil(() => el.shadowRoot!.querySelector('[part="stages"], [part="error"], [part="empty"]'), 'timeline did not settle');
  return el;
}

const stages = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="stage"], [part="skipped"]')];

describe('lindungi-stage-timeline', () => {
  it('shows the agreement honestly: negotiation in progress, the rest not started, as an ordered list', async () => {
    const el = await timeline(html`<div lang="en"><lindungi-stage-timeline timeline="agreement-id-kh"></lindungi-stage-timeline></div>`);
    const list = el.shadowRoot!.querySelector('[part="stages"]')!;
    expect(list.tagName).to.equal('OL');
    expect(text(el.shadowRoot!.querySelector('[part="heading"]'))).to.equal('Indonesia–Cambodia agreement on migrant workers');
    const rows = stages(el);
    expect(rows.map((r) => text(r.querySelector('.title')))).to.deep.equal([
      'Negotiation',
      'Signing of the agreement',
      'Implementation of the agreement',
      'Monitoring and evaluation',
    ]);
    expect(rows.map((r) => text(r.querySelector('[part="status"]')))).to.deep.equal(['In progress', 'Not started', 'Not started', 'Not started']);
    expect(rows.map((r) => r.getAttribute('aria-current'))).to.deep.equal(['step', null, null, null]);
    expect(text(rows[0].querySelector('.visually-hidden'))).to.equal('Stage 1 of 4: In progress.');
    // The status is told by an icon and text, never by colour alone.
    expect(rows[1].querySelector('[part="marker"] svg')).to.not.equal(null);
    // What is known of the source: the publisher and the statement's date; no link to a home page.
    expect(text(el.shadowRoot!.querySelector('[part="updated"]'))).to.equal(
      'Last updated Oct 28, 2025. Source: suara.com, published Oct 28, 2025. Checked against the source on Nov 27, 2026.',
    );
    expect(el.shadowRoot!.querySelector('[part="updated"] a')).to.equal(null);
    expect(text(el.shadowRoot!.querySelector('.description'))).to.contain('No date has been publicly announced for any stage.');
  });

  it('opens a stage with the keyboard, shows its parties, and fires lindungi-stage-toggle', async () => {
    const el = await timeline(html`<div lang="id"><lindungi-stage-timeline timeline="agreement-id-kh"></lindungi-stage-timeline></div>`);
    const toggle = stages(el)[1].querySelector<HTMLButtonElement>('[part="toggle"]')!;
    const details = el.shadowRoot!.getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(details.hidden).to.equal(true);
    toggle.focus();
    const toggled = oneEvent(el, 'lindungi-stage-toggle');
    await sendKeys({ press: 'Enter' });
    expect(((await toggled) as LindungiStageToggleEvent).detail).to.deep.equal({ stageId: 'signing', open: true });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(details.hidden).to.equal(false);
    expect(text(details.querySelector('.parties-label'))).to.equal('Pihak yang terlibat:');
    expect([...details.querySelectorAll('.parties li')].map(text)).to.deep.equal(['Pemerintah Indonesia', 'Pemerintah Kamboja']);
  });

  it('lays stages side by side in a wide container and one under another in a narrow one (container queries)', async () => {
    const host = await fixture<HTMLElement>(html`<div lang="en" style="inline-size: 900px">
      <lindungi-stage-timeline timeline="agreement-id-kh"></lindungi-stage-timeline>
    </div>`);
    const el = host.querySelector('lindungi-stage-timeline')!;
    await ready(el);
    const list = () => el.shadowRoot!.querySelector('[part="stages"]')!;
    expect(getComputedStyle(list()).display).to.equal('flex');
    const [first, second] = stages(el);
    expect(second.getBoundingClientRect().top).to.equal(first.getBoundingClientRect().top);
    host.style.inlineSize = '320px';
    await waitUntil(() => getComputedStyle(list()).display === 'block', 'did not switch to vertical');
    expect(stages(el)[1].getBoundingClientRect().top).to.be.greaterThan(stages(el)[0].getBoundingClientRect().bottom - 1);
    host.style.inlineSize = '900px';
    el.compact = true;
    await el.updateComplete;
    expect(getComputedStyle(list()).display).to.equal('block');
  });

  it('mirrors the stages right to left when the widget is set to dir="rtl", and keeps its locale\'s direction otherwise', async () => {
    const host = await fixture<HTMLElement>(html`<div lang="en" dir="rtl" style="inline-size: 320px">
      <lindungi-stage-timeline timeline="agreement-id-kh"></lindungi-stage-timeline>
      <lindungi-stage-timeline timeline="agreement-id-kh" dir="rtl"></lindungi-stage-timeline>
    </div>`);
    const [inherited, forced] = [...host.querySelectorAll('lindungi-stage-timeline')];
    await ready(inherited);
    await ready(forced);
    // An English widget on a right-to-left page stays left to right.
    const first = stages(inherited)[0];
    expect(getComputedStyle(inherited.shadowRoot!.querySelector('[part="base"]')!).direction).to.equal('ltr');
    expect(first.querySelector('[part="marker"]')!.getBoundingClientRect().left).to.be.closeTo(first.getBoundingClientRect().left, 1);
    // Set on the widget itself, the direction flips, and logical properties put markers on the right.
    const stage = stages(forced)[0];
    expect(getComputedStyle(forced.shadowRoot!.querySelector('[part="base"]')!).direction).to.equal('rtl');
    expect(stage.querySelector('[part="marker"]')!.getBoundingClientRect().right).to.be.closeTo(stage.getBoundingClientRect().right, 1);
  });

  it('re-renders in the new language when lang changes', async () => {
    const host = await fixture<HTMLElement>(html`<div lang="en"><lindungi-stage-timeline timeline="agreement-id-kh"></lindungi-stage-timeline></div>`);
    const el = host.querySelector('lindungi-stage-timeline')!;
    await ready(el);
    expect(text(stages(el)[0].querySelector('.title'))).to.equal('Negotiation');
    host.lang = 'km';
    await waitUntil(() => text(stages(el)[1].querySelector('[part="status"]')) === 'មិនទាន់ចាប់ផ្តើម');
    expect(text(stages(el)[0].querySelector('.title'))).to.not.equal('Negotiation');
    // Whole sentences are translated, punctuation included: Khmer sentences end with ។, not a full stop.
    expect(text(el.shadowRoot!.querySelector('[part="updated"]'))).to.match(/^ធ្វើបច្ចុប្បន្នភាពចុងក្រោយ .*ប្រភព៖ suara\.com បានចុះផ្សាយ [^.]*។ .*។$/);
  });

  it("shows the worker's journey as phases with no status, unless the page says where the reader is", async () => {
    const phases = await timeline(html`<div lang="en"><lindungi-stage-timeline timeline="worker-journey"></lindungi-stage-timeline></div>`);
    expect(stages(phases).map((r) => text(r.querySelector('.title')))).to.deep.equal(['Before work', 'During work', 'After work']);
    expect(phases.shadowRoot!.querySelectorAll('[part="status"], [aria-current]')).to.have.length(0);
    expect(text(stages(phases)[1].querySelector('.visually-hidden'))).to.equal('Stage 2 of 3.');
    const placed = await timeline(
      html`<div lang="en"><lindungi-stage-timeline timeline="worker-journey" current-stage="during-work"></lindungi-stage-timeline></div>`,
    );
    expect(stages(placed).map((r) => text(r.querySelector('[part="status"]')))).to.deep.equal(['Done', 'In progress', 'Upcoming']);
    expect(stages(placed)[1].getAttribute('aria-current')).to.equal('step');
  });

  describe("a report's progress by ticket, read through the widget's client", () => {
    const ticketA = 'LDG-AAAA-AAAA';
    const ticketB = 'LDG-BBBB-BBBB';
    const statusOf = (ticket: string) => ({
      ticket,
      status: 'received',
      stages: [
        { id: 'received', status: 'current', date: '2026-11-20T10:00:00Z' },
        { id: 'verified', status: 'upcoming' },
        { id: 'in-handling', status: 'upcoming' },
        { id: 'resolved', status: 'upcoming' },
      ],
      updated: '2026-11-20T10:00:00Z',
    });
    /** Each status as the reference server answers it (server/report-status.ts stagesOf). */
    const answers: Record<string, object> = {
      received: statusOf(ticketA),
      verified: {
        ...statusOf(ticketA),
        status: 'verified',
        stages: [
          { id: 'received', status: 'done', date: '2026-11-18T02:10:00Z' },
          { id: 'verified', status: 'current', date: '2026-11-19T04:00:00Z' },
          { id: 'in-handling', status: 'upcoming' },
          { id: 'resolved', status: 'upcoming' },
        ],
      },
      'in-handling': {
        ...statusOf(ticketA),
        status: 'in-handling',
        stages: [
          { id: 'received', status: 'done', date: '2026-11-18T02:10:00Z' },
          { id: 'verified', status: 'done', date: '2026-11-19T04:00:00Z' },
          { id: 'in-handling', status: 'current', date: '2026-11-20T04:00:00Z' },
          { id: 'resolved', status: 'upcoming' },
        ],
      },
      resolved: {
        ...statusOf(ticketA),
        status: 'resolved',
        stages: [
          { id: 'received', status: 'done', date: '2026-11-18T02:10:00Z' },
          { id: 'verified', status: 'done', date: '2026-11-19T04:00:00Z' },
          { id: 'in-handling', status: 'done', date: '2026-11-20T04:00:00Z' },
          { id: 'resolved', status: 'done', date: '2026-11-21T04:00:00Z' },
        ],
      },
      closed: {
        ...statusOf(ticketA),
        status: 'closed',
        stages: [
          { id: 'received', status: 'done', date: '2026-11-18T02:10:00Z' },
          { id: 'closed', status: 'ended', date: '2026-11-19T04:00:00Z' },
        ],
      },
      withdrawn: {
        ...statusOf(ticketA),
        status: 'withdrawn',
        stages: [
          { id: 'received', status: 'done', date: '2026-11-18T02:10:00Z' },
          { id: 'verified', status: 'done', date: '2026-11-19T04:00:00Z' },
          { id: 'withdrawn', status: 'ended', date: '2026-11-20T04:00:00Z' },
        ],
      },
    };
    /**
     * A partner's own client: its `fetch` answers from memory (the reference server is not
     * reachable from this browser test), so the test sees every request the widget makes.
     */
    function partnerClient(answer: (ticket: string, signal: AbortSignal) => Promise<Response>) {
      const requests: string[] = [];
      const fetch: typeof window.fetch = async (input, init) => {
        const url = new URL(input instanceof Request ? input.url : input);
        if (url.pathname.startsWith('/v1/content/')) return window.fetch(new URL('../../content/ID-KH.json', import.meta.url));
        const ticket = url.pathname.split('/').pop()!;
        requests.push(ticket);
        return answer(ticket, init!.signal!);
      };
      return { client: createContentClient({ api: 'https://api.partner.example', fetch }), requests };
    }
    const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

    it('uses the client it is given, not a request of its own', async () => {
      const { client, requests } = partnerClient(async (ticket) => json(statusOf(ticket)));
      const el = await timeline(html`<div lang="en"><lindungi-stage-timeline .client=${client} ticket=${ticketA}></lindungi-stage-timeline></div>`);
      expect(requests).to.deep.equal([ticketA]);
      expect(stages(el).map((r) => text(r.querySelector('[part="status"]')))).to.deep.equal(['In progress', 'Upcoming', 'Upcoming', 'Upcoming']);
    });

    it('reads every status as it is: the matching stage in progress, nothing after it done, a closed or withdrawn report on its own final state', async () => {
      const seen: Record<string, string[]> = {};
      for (const [status, answer] of Object.entries(answers)) {
        const { client } = partnerClient(async () => json(answer));
        const el = await timeline(html`<div lang="en"><lindungi-stage-timeline .client=${client} ticket=${ticketA}></lindungi-stage-timeline></div>`);
        seen[status] = stages(el).map(
          (r) => `${text(r.querySelector('.title'))}: ${text(r.querySelector('[part="status"]'))}${r.getAttribute('aria-current') ? ' (current)' : ''}`,
        );
      }
      expect(seen).to.deep.equal({
        received: ['Report received: In progress (current)', 'Report checked: Upcoming', 'Being handled: Upcoming', 'Resolved: Upcoming'],
        verified: ['Report received: Done', 'Report checked: In progress (current)', 'Being handled: Upcoming', 'Resolved: Upcoming'],
        'in-handling': ['Report received: Done', 'Report checked: Done', 'Being handled: In progress (current)', 'Resolved: Upcoming'],
        resolved: ['Report received: Done', 'Report checked: Done', 'Being handled: Done', 'Resolved: Done'],
        closed: ['Report received: Done', 'Closed: Final state'],
        withdrawn: ['Report received: Done', 'Report checked: Done', 'Withdrawn by you: Final state'],
      });
    });

    it('shows the date each stage was reached, and the latest public note open at the top with its date and who wrote it; older notes stay with their stages', async () => {
      const { client } = partnerClient(async (ticket) =>
        json({
          ...statusOf(ticket),
          status: 'closed',
          stages: [
            { id: 'received', status: 'done', date: '2026-11-18T02:10:00Z' },
            { id: 'verified', status: 'done', date: '2026-11-19T04:00:00Z', note: 'Passed to the embassy.' },
            { id: 'closed', status: 'ended', date: '2026-11-20T04:00:00Z', note: 'You are home; we closed the case.' },
          ],
          latestNote: {
            text: 'You are home; we closed the case.',
            at: '2026-11-20T04:00:00Z',
            stage: 'closed',
            by: { en: 'Migrant Care', id: 'Migrant Care ID' },
          },
        }),
      );
      const el = await timeline(html`<div lang="en"><lindungi-stage-timeline .client=${client} ticket=${ticketA}></lindungi-stage-timeline></div>`);
      const latest = el.shadowRoot!.querySelector('[part="latest-note"]')!;
      expect(text(latest)).to.equal('Latest message from Migrant Care, Nov 20, 2026: You are home; we closed the case.');
      expect(latest.closest('[hidden]')).to.equal(null);
      expect(latest.compareDocumentPosition(el.shadowRoot!.querySelector('[part="stages"]')!) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
      const [received, verified, closed] = stages(el);
      expect(text(received.querySelector('.reached'))).to.equal('Nov 18, 2026');
      expect(text(closed.querySelector('.reached'))).to.equal('Nov 20, 2026');
      // The latest note is not repeated in its stage; the older one opens with its stage.
      expect(closed.querySelector('[part="toggle"]')).to.equal(null);
      verified.querySelector<HTMLButtonElement>('[part="toggle"]')!.click();
      await el.updateComplete;
      expect(text(verified.querySelector('[part="details"]'))).to.equal('Passed to the embassy.');
      expect(text(el.shadowRoot!.querySelector('.description'))).to.equal('This report was closed by the organisation handling it.');
    });

    it('shows a failure in the error state, and "Try again" loads it again', async () => {
      let fail = true;
      const { client, requests } = partnerClient(async (ticket) => {
        if (fail) throw new TypeError('Failed to fetch');
        return json(statusOf(ticket));
      });
      const warnings = captureWarnings();
      try {
        const el = await timeline(html`<div lang="en"><lindungi-stage-timeline .client=${client} ticket=${ticketA}></lindungi-stage-timeline></div>`);
        expect(text(el.shadowRoot!.querySelector('[part="error"] p'))).to.equal('The information could not be loaded. Check your connection and try again.');
        fail = false;
        el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
        await waitUntil(() => stages(el).length === 4, 'the retry did not load the report');
        expect(requests).to.deep.equal([ticketA, ticketA]);
        expect(el.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
      } finally {
        warnings.restore();
      }
    });

    it('says first that a withdrawn report was withdrawn', async () => {
      const { client } = partnerClient(async (ticket) => json({ ...answers.withdrawn, ticket }));
      const el = await timeline(html`<div lang="en"><lindungi-stage-timeline .client=${client} ticket=${ticketA}></lindungi-stage-timeline></div>`);
      expect(text(el.shadowRoot!.querySelector('.description'))).to.equal(
        'This report was withdrawn by the person who sent it. Nothing more will be done with it.',
      );
      expect(el.shadowRoot!.querySelectorAll('[aria-current]')).to.have.length(0);
      expect(stages(el).map((r) => text(r.querySelector('[part="status"]')))).to.deep.equal(['Done', 'Done', 'Final state']);
    });

    it('never lets an older answer replace a newer one', async () => {
      let releaseA!: () => void;
      let abortedA = false;
      const { client } = partnerClient(
        (ticket, signal) =>
          new Promise((resolve, reject) => {
            if (ticket === ticketB) return resolve(json(statusOf(ticketB)));
            signal.addEventListener('abort', () => ((abortedA = true), reject(new DOMException('aborted', 'AbortError'))));
            releaseA = () => resolve(json(statusOf(ticketA)));
          }),
      );
      const host = await fixture<HTMLElement>(
        html`<div lang="en"><lindungi-stage-timeline .client=${client} ticket=${ticketA}></lindungi-stage-timeline></div>`,
      );
      const el = host.querySelector('lindungi-stage-timeline')!;
      await waitUntil(() => releaseA !== undefined, 'the first request was not made');
      el.ticket = ticketB;
      await waitUntil(() => stages(el).length === 4, 'ticket B did not load');
      releaseA();
      await new Promise((r) => setTimeout(r, 50));
      expect(abortedA).to.equal(true);
      expect(text(el.shadowRoot!.querySelector('[part="heading"]'))).to.equal(`Progress of report ${ticketB}`);
    });
  });

  it('skips bad stages in place, clearly marked, with one warning each', async () => {
    const warnings = captureWarnings();
    try {
      const data = [
        { id: 'a', title: 'Collected', status: 'done' },
        { id: 'b', status: 'current' },
        { id: 'a', title: 'Again', status: 'done' },
        { id: 'c', title: 'Decision', status: 'finished' },
        { id: 'd', title: '<b>Appeal</b>', status: 'upcoming' },
      ];
      const el = await timeline(html`<div lang="en"><lindungi-stage-timeline .stages=${data}></lindungi-stage-timeline></div>`);
      const rows = stages(el);
      expect(rows.map((r) => r.getAttribute('part'))).to.deep.equal(['stage', 'skipped', 'skipped', 'skipped', 'stage']);
      expect(text(rows[1])).to.contain('This stage could not be shown because its data is incomplete.');
      expect(text(rows[4].querySelector('.title'))).to.equal('<b>Appeal</b>');
      expect(rows[4].querySelector('b')).to.equal(null);
      expect(warnings.messages.map((m) => m.replace(/^\[lindungi\] <lindungi-stage-timeline>: /, ''))).to.deep.equal([
        'stage 2 (b) was skipped: title: missing',
        'stage 3 was skipped: duplicate id "a".',
        'stage 4 (c) was skipped: status: not one of done, current, upcoming, blocked, not-started',
      ]);
    } finally {
      warnings.restore();
    }
  });

  it('takes custom stages as a JSON attribute, and says so when the JSON is malformed', async () => {
    const warnings = captureWarnings();
    try {
      const ok = await timeline(
        html`<div lang="en"><lindungi-stage-timeline heading="My case" stages='[{"id":"x","title":{"en":"Filed","id":"Diajukan"},"status":"current"}]'></lindungi-stage-timeline></div>`,
      );
      expect(text(ok.shadowRoot!.querySelector('[part="heading"]'))).to.equal('My case');
      expect(text(stages(ok)[0].querySelector('.title'))).to.equal('Filed');
      expect(Array.isArray(ok.stages), 'the attribute is read into the stages property as an array').to.equal(true);
      const bad = await timeline(html`<div lang="id"><lindungi-stage-timeline stages='[{"id": '></lindungi-stage-timeline></div>`);
      expect(text(bad.shadowRoot!.querySelector('[part="error"]'))).to.equal(
        'Tahapan ini tidak dapat ditampilkan: datanya tidak dalam format yang diharapkan.',
      );
      expect(warnings.messages.filter((m) => m.includes('not valid JSON'))).to.have.length(1);
    } finally {
      warnings.restore();
    }
  });

  it('says so for an unknown timeline, and for a ticket without an API', async () => {
    const warnings = captureWarnings();
    try {
      const unknown = await timeline(html`<div lang="en"><lindungi-stage-timeline timeline="treaty-2030"></lindungi-stage-timeline></div>`);
      expect(text(unknown.shadowRoot!.querySelector('[part="error"]'))).to.equal('There is no timeline "treaty-2030", so nothing can be shown.');
      const ticket = await timeline(html`<div lang="en"><lindungi-stage-timeline ticket="LDG-7K4M-Q9TX"></lindungi-stage-timeline></div>`);
      expect(text(ticket.shadowRoot!.querySelector('[part="error"]'))).to.equal(
        'Report progress cannot be shown on this site: it is not connected to a reporting service.',
      );
      expect(warnings.messages.filter((m) => m.includes('treaty-2030'))).to.have.length(1);
    } finally {
      warnings.restore();
    }
  });

  it('renders 1000 stages and keeps each stage element when one status changes (keyed)', async () => {
    const many: Stage[] = Array.from({ length: 1000 }, (_, i) => ({ id: `s${i}`, title: `Stage ${i + 1}`, status: i < 500 ? 'done' : 'upcoming' }));
    const el = await timeline(html`<div lang="en"><lindungi-stage-timeline .stages=${many}></lindungi-stage-timeline></div>`);
    expect(stages(el)).to.have.length(1000);
    const before = stages(el)[500];
    // A change inside the same array is not seen (as the README says); a new array is.
    many[500] = { ...many[500]!, status: 'current' };
    el.requestUpdate();
    await el.updateComplete;
    expect(stages(el)[500].getAttribute('aria-current'), 'changed in place').to.equal(null);
    el.stages = [...many];
    await waitUntil(() => stages(el)[500].getAttribute('aria-current') === 'step');
    expect(stages(el)[500]).to.equal(before);
    // Long lists stay vertical whatever the width.
    expect(getComputedStyle(el.shadowRoot!.querySelector('[part="stages"]')!).display).to.equal('block');
  });
});
