import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/report-form.js';
import type { LindungiReportForm } from '../../src/report-form.js';
import { createClient, memoryStorage, type KeyValueStorage } from '../../src/sdk/index.js';
import { atStep, EXAMPLE_OPERATOR, exampleAnswers, exampleFetch, formClient } from '../../stories/report-form-clients.js';
import { ready, text } from './helpers.js';

type Form = LindungiReportForm & { updateComplete: Promise<boolean> };

async function mount(client = atStep('danger', {})(), attrs = '') {
  const host = await fixture<HTMLElement>(html`<div lang="en"></div>`);
  host.innerHTML = `<lindungi-report-form ${attrs}></lindungi-report-form>`;
  const form = host.querySelector('lindungi-report-form') as Form;
  form.client = client;
  await ready(form);
  return { host, form, root: form.shadowRoot! };
}

const $ = <T extends Element = HTMLElement>(root: ShadowRoot, selector: string) => root.querySelector<T & HTMLElement>(selector)!;

async function pressContinue(form: Form): Promise<void> {
  $(form.shadowRoot!, '[part="continue"]').click();
  // Validation loads once; the step changes or the summary appears.
  await new Promise((r) => setTimeout(r, 50));
  await form.updateComplete;
}

const deepFocus = () => {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active as HTMLElement | null;
};

function type(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

describe('lindungi-report-form: validation', () => {
  it('an empty step shows every problem in a summary that takes focus, links to each field, and names the fields (never values) in lindungi-invalid', async () => {
    const { form, root } = await mount(atStep('what', { inDanger: 'no' })());
    const invalid = oneEvent(form, 'lindungi-invalid');
    $(root, '[part="continue"]').click();
    const event = await invalid;
    expect(event.detail).to.deep.equal({ fields: ['category', 'description'] });
    await waitUntil(() => deepFocus()?.getAttribute('part') === 'error-summary', 'the summary takes focus');
    const summary = $(root, '[part="error-summary"]');
    expect(summary.getAttribute('role')).to.equal('alert');
    const links = [...summary.querySelectorAll('a')];
    expect(links.map((a) => text(a))).to.deep.equal(['Choose what happened.', 'Describe what happened.']);
    // Each link focuses its field; each field is marked invalid and described by its message.
    links[1].click();
    expect(deepFocus()?.id).to.equal('description');
    const description = $(root, '#description');
    expect(description.getAttribute('aria-invalid')).to.equal('true');
    const described = description
      .getAttribute('aria-describedby')!
      .split(' ')
      .map((id) => root.getElementById(id));
    expect(described.every(Boolean), 'every aria-describedby id resolves in the shadow root').to.equal(true);
    expect(described.map((el) => text(el))).to.include('Error: Describe what happened.');
    links[0].click();
    expect(deepFocus()?.id).to.equal('category-recruitment-fraud');
    const fieldset = $(root, 'fieldset[aria-describedby~="category-error"]');
    expect(text(root.getElementById('category-error'))).to.equal('Error: Choose what happened.');
    expect(fieldset).to.exist;
    // The page's URL is left alone.
    expect(location.hash).to.equal('');
  });

  it('a date in the future, a description over 5000 characters and a place over 200 are refused with their own words', async () => {
    const { form, root } = await mount(
      atStep('what', { inDanger: 'no', category: 'other', description: 'x'.repeat(5001), occurredOn: '2999-01-01', place: 'p'.repeat(201) })(),
    );
    expect(text($(root, '#description-count'))).to.equal('Too many characters: 1.');
    await pressContinue(form);
    await waitUntil(() => root.querySelector('[part="error-summary"]'));
    expect([...root.querySelectorAll('[part="error-summary"] a')].map((a) => text(a))).to.deep.equal([
      'Use 5000 characters or fewer.',
      'The date cannot be in the future.',
      'Use 200 characters or fewer.',
    ]);
  });

  it('a number that fits no country as written, one not valid in the country chosen, and an email that is not one, are each explained', async () => {
    const { form, root } = await mount(atStep('contact', { ...exampleAnswers, contact: 'phone', contactValue: '12345' })());
    await pressContinue(form);
    await waitUntil(() => root.querySelector('[part="error-summary"]'));
    expect(text($(root, '[part="error-summary"] a'))).to.equal(
      'This is not a phone number in Indonesia or Cambodia as written. Choose the country of this number, or write it with the country code, like +60 12 345 6789.',
    );
    // Correcting the number clears the problem shown beside its country: nothing on screen contradicts the reading.
    type($(root, '#contactValue') as HTMLInputElement, '0812 3456 7890');
    await form.updateComplete;
    expect(root.querySelector('#contactCountry-error, [part="field"].invalid')).to.equal(null);
    type($(root, '#contactValue') as HTMLInputElement, '12345');
    await pressContinue(form);
    await waitUntil(() => root.querySelector('[part="error-summary"]'));
    const country = $(root, '#contactCountry') as HTMLSelectElement;
    country.value = 'ID';
    country.dispatchEvent(new Event('change'));
    await pressContinue(form);
    await waitUntil(() => text(root.querySelector('[part="error-summary"] a')).startsWith('This is not a phone number in Indonesia.'));
    expect(text($(root, '[part="error-summary"] a'))).to.equal(
      'This is not a phone number in Indonesia. Check the number and its country, or write it with the country code, like +62 812 3456 7890.',
    );
    ($(root, '#contact-email') as HTMLInputElement).click();
    await form.updateComplete;
    type($(root, '#contactValue'), 'sari at example');
    await pressContinue(form);
    await waitUntil(() => text(root.querySelector('[part="error-summary"] a')).startsWith('Enter an email'));
    expect(text($(root, '[part="error-summary"] a'))).to.equal('Enter an email address, like nama@contoh.id.');
    expect(($(root, '#contactValue') as HTMLInputElement).type).to.equal('email');
  });

  it('reads a number by its shape: an Indonesian mobile with a leading 0 is Indonesian (not the destination), shown grouped with its country', async () => {
    const { form, root } = await mount(atStep('contact', { ...exampleAnswers, contact: 'whatsapp', contactValue: '' })());
    await waitUntil(() => root.querySelector('#contactValue'));
    type($(root, '#contactValue') as HTMLInputElement, '0812 3456 7890');
    await form.updateComplete;
    expect(text($(root, '[part="phone-reading"]'))).to.equal('0812-3456-7890 (Indonesia)');
    expect(($(root, '#contactCountry') as HTMLSelectElement).value).to.equal('', 'the country is not chosen for the reader');
    await pressContinue(form);
    await waitUntil(() => root.querySelector('[part="answers"]'));
    expect(text($(root, '[part="answers"]'))).to.include('WhatsApp: 0812-3456-7890 (Indonesia) (Sari)');
  });

  it('a national number that fits both countries is not guessed: the reader chooses, and the check page shows the choice', async () => {
    const { form, root } = await mount(atStep('contact', { ...exampleAnswers, contact: 'phone', contactValue: '097 123 4567' })());
    await pressContinue(form);
    await waitUntil(() => root.querySelector('[part="error-summary"]'));
    expect(text($(root, '[part="error-summary"] a'))).to.equal('This number could be from Indonesia or from Cambodia. Choose the country of this number.');
    expect(root.querySelector('[part="phone-reading"]')).to.equal(null);
    const country = $(root, '#contactCountry') as HTMLSelectElement;
    expect([...country.options].map((o) => o.text)).to.deep.equal(['Read it from the number', 'Indonesia', 'Cambodia']);
    country.value = 'KH';
    country.dispatchEvent(new Event('change'));
    await form.updateComplete;
    expect(text($(root, '[part="phone-reading"]'))).to.equal('097 123 4567 (Cambodia)');
    expect(root.querySelector('[part="field"].invalid'), 'no problem is left beside a number now read').to.equal(null);
    await pressContinue(form);
    await waitUntil(() => root.querySelector('[part="answers"]'));
    expect(text($(root, '[part="answers"]'))).to.include('Phone call: 097 123 4567 (Cambodia) (Sari)');
  });

  it("names the operator in the reader's language when the operator gives its name and contact per language", async () => {
    const operator = {
      ...EXAMPLE_OPERATOR,
      name: { id: 'Pusat Bantuan Contoh', en: 'Example Help Desk' },
      contact: { id: 'bantuan@contoh.id (Senin–Jumat)', en: 'help@example.org (Mon–Fri)' },
    };
    const { root } = await mount(atStep('check', exampleAnswers, { operator })());
    await waitUntil(() => root.querySelector('#consent'));
    const consent = text(root.querySelector('[part="consent"]'));
    expect(consent).to.include('Example Help Desk');
    expect(consent).to.include('help@example.org (Mon–Fri)');
    expect(consent).to.not.include('Pusat Bantuan Contoh');
    expect(consent).to.not.include('[object Object]');
  });

  it('consent is its own unticked box; without it the report is not sent, and under 18 a guardian must agree', async () => {
    const { form, root } = await mount(atStep('check', { ...exampleAnswers, adult: 'no' })());
    await waitUntil(() => root.querySelector('#consent'));
    const consent = $(root, '#consent') as HTMLInputElement;
    expect(consent.checked).to.equal(false);
    expect(text(root.querySelector('label[for="consent"]'))).to.include("I am the reporter's parent or guardian");
    expect(text(root.querySelector('label[for="consent"]'))).to.include('Example Migrant Workers Help Desk');
    await pressContinue(form);
    await waitUntil(() => root.querySelector('[part="error-summary"]'));
    expect(text($(root, '[part="error-summary"] a'))).to.equal('A parent or guardian must tick the box to agree, or the report cannot be sent.');
    // The under-18 explanation and the help lines are shown.
    expect(text($(root, '.urgent'))).to.include('a parent or guardian must agree');
    expect(root.querySelector('.urgent lindungi-hotline[emergency-only]')).to.exist;
  });
});

describe('lindungi-report-form: the questions only the form asks', () => {
  it('step 1 and the age question each need an answer', async () => {
    const first = await mount();
    await pressContinue(first.form);
    await waitUntil(() => first.root.querySelector('[part="error-summary"]'));
    expect(text($(first.root, '[part="error-summary"] a'))).to.equal('Choose yes or no.');
    expect($(first.root, '[part="error-summary"] a').getAttribute('href')).to.equal('#inDanger');
    first.form.remove();
    const check = await mount(atStep('check', { ...exampleAnswers, consent: true })());
    await waitUntil(() => check.root.querySelector('#consent'));
    await pressContinue(check.form);
    await waitUntil(() => check.root.querySelector('[part="error-summary"]'));
    expect([...check.root.querySelectorAll('[part="error-summary"] a')].map((a) => text(a))).to.deep.equal(['Say whether you are 18 or older.']);
  });
});

describe('lindungi-report-form: consent text', () => {
  it('names the operator and fills in its retention days, storage country and contact from the API', async () => {
    const { root } = await mount(atStep('check')());
    await waitUntil(() => root.querySelector('[part="consent"] li'));
    const consent = text($(root, '[part="consent"]'));
    expect(consent).to.include('Example Migrant Workers Help Desk receives your report');
    expect(consent).to.include('Contact: help@example.org.');
    // What the software does: kept after it is resolved or closed; erased at once when withdrawn.
    expect(consent).to.include('If your report is resolved or closed, your personal data is kept for 180 days and then deleted.');
    expect(consent).to.include('withdraw (cancel) your report at the organisation at any time, but only from the phone that sent it');
    expect(consent).to.include('who agreed to the report — you, or a parent or guardian (which shows whether the reporter is under 18)');
    expect(consent).to.include('Your report is stored in Indonesia.');
    expect(consent).to.include('may include sensitive data');
    expect(consent).to.include('a copy stays on this device');
    expect(consent).to.include('and all handling of the report stops within 3×24 hours');
    expect(consent).to.include('Example Migrant Workers Help Desk may use your data only because you agree to it.');
    expect(consent).to.include('Example Migrant Workers Help Desk uses what you write only to handle your report');
    expect(text($(root, '[part="consent"] .citation'))).to.equal('Legal basis: UU 27/2022 Pasal 4, 5–9, 20–22, 24, 25');
    expect(consent).not.to.match(/\{\w+\}/);
    expect($(root, '[part="consent"] a').getAttribute('href')).to.equal('https://example.org/privacy');
  });

  it('says so when the operator does not name the country where data is stored', async () => {
    const { root } = await mount(
      formClient(
        { operator: { ...EXAMPLE_OPERATOR, dataLocation: undefined } },
        { 'draft:report-form:ID-KH': { value: { step: 'check', answers: exampleAnswers } } },
      ),
    );
    await waitUntil(() => root.querySelector('[part="consent"] li'));
    const consent = text($(root, '[part="consent"]'));
    expect(consent).to.include('The organisation has not said in which country the data is stored.');
    expect(consent).not.to.include('stored in Indonesia');
  });
});

describe('lindungi-report-form: the draft', () => {
  it('keeps what is typed and restores it, with its step and a note, when the form comes back', async () => {
    const client = formClient();
    const first = await mount(client);
    ($(first.root, '#inDanger-no') as HTMLInputElement).click();
    await pressContinue(first.form);
    await waitUntil(() => first.root.querySelector('#description'));
    type($(first.root, '#description'), 'Kept while I was away');
    await new Promise((r) => setTimeout(r, 600));
    first.form.remove();

    const again = await mount(client);
    await waitUntil(() => again.root.querySelector('#description'));
    expect(($(again.root, '#description') as HTMLTextAreaElement).value).to.equal('Kept while I was away');
    expect(text($(again.root, '[part="restored"]'))).to.match(/^Your draft was restored \(saved .+\)\.$/);
    expect((await client.reports.draft<{ answers: { inDanger: string } }>('report-form:ID-KH'))!.value.answers.inDanger).to.equal('no');
  });

  it('answers given just before Send come back when the page goes before the report is kept', async () => {
    // A phone whose storage has not finished writing the report when the page is left. Made here by
    // a store whose report writes never end: the moment cannot be held with a real IndexedDB.
    const device = memoryStorage();
    await device.set('draft:report-form:ID-KH', { value: { step: 'check', answers: exampleAnswers }, savedAt: '2026-11-28T08:00:00Z' });
    const slow: KeyValueStorage = { ...device, setMany: () => new Promise<void>(() => undefined) };
    const options = { api: 'https://reports.example', fetch: exampleFetch(), retry: { baseMs: 3_600_000 } };
    const first = await mount(createClient({ ...options, storage: slow }));
    await waitUntil(() => first.root.querySelector('#consent'));
    ($(first.root, '#adult-yes') as HTMLInputElement).click();
    ($(first.root, '#consent') as HTMLInputElement).click();
    $(first.root, '[part="continue"]').click(); // before the answers' own save is due
    await waitUntil(() => $(first.root, '[part="continue"]').hasAttribute('disabled'), 'the report is being handed over');
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    first.form.remove();
    try {
      const again = await mount(createClient({ ...options, storage: device }));
      await waitUntil(() => again.root.querySelector('#consent'));
      expect(($(again.root, '#adult-yes') as HTMLInputElement).checked).to.equal(true);
      expect(($(again.root, '#consent') as HTMLInputElement).checked).to.equal(true);
      expect(text($(again.root, '[part="restored"]'))).to.match(/^Your draft was restored/);
    } finally {
      localStorage.clear();
    }
  });

  it('a report the organisation refuses leaves the answers as the draft, and nothing of the report on the device', async () => {
    const client = atStep('check', { ...exampleAnswers, adult: 'yes', consent: true }, { refuse: true })();
    const first = await mount(client);
    await waitUntil(() => first.root.querySelector('#consent'));
    $(first.root, '[part="continue"]').click();
    await waitUntil(() => first.root.querySelector('[part="notice"]'), 'the refusal is shown');
    expect(text($(first.root, '[part="notice"]'))).to.include('The organisation could not accept the report. Your answers are kept');
    expect(await client.reports.entries()).to.deep.equal([]);
    // Kept on the device already, not only once the page goes: a tab closed now loses nothing.
    const kept = await client.reports.draft<{ step: string; answers: { description: string }; outcome?: unknown }>('report-form:ID-KH');
    expect(kept?.value.outcome).to.equal(undefined);
    expect(kept?.value.step).to.equal('check');
    expect(kept?.value.answers.description).to.equal(exampleAnswers.description);
    first.form.remove();

    const again = await mount(client);
    await waitUntil(() => again.root.querySelector('#consent'));
    expect(text($(again.root, '[part="step-heading"]'))).to.equal('Check your answers and agree');
    expect(text($(again.root, '[part="answers"]'))).to.include(exampleAnswers.description);
  });

  it('asks the browser to keep the draft (persistent storage) when it is first saved, once', async () => {
    const storage = navigator.storage as StorageManager & { persist: () => Promise<boolean> };
    const original = storage.persist;
    let asked = 0;
    storage.persist = async () => {
      asked++;
      return false; // refused: the draft is kept all the same
    };
    try {
      const client = formClient();
      const { root } = await mount(client);
      expect(asked).to.equal(0);
      ($(root, '#inDanger-no') as HTMLInputElement).click();
      await waitUntil(async () => (await client.reports.draft('report-form:ID-KH')) !== undefined, 'draft saved');
      ($(root, '#inDanger-yes') as HTMLInputElement).click();
      await new Promise((r) => setTimeout(r, 600));
      expect(asked).to.equal(1);
      expect((await client.reports.draft<{ answers: { inDanger: string } }>('report-form:ID-KH'))!.value.answers.inDanger).to.equal('yes');
    } finally {
      storage.persist = original;
    }
  });

  it('the country of a number is never taken from where it happened: it is read from the number', async () => {
    const { form, root } = await mount(atStep('what', { inDanger: 'no' })());
    const country = $(root, '#country') as HTMLSelectElement;
    country.value = 'MY';
    country.dispatchEvent(new Event('change'));
    await form.updateComplete;
    ($(root, '#category-other') as HTMLInputElement).click();
    type($(root, '#description'), 'Something');
    await pressContinue(form);
    await waitUntil(() => root.querySelector('#contact-phone'));
    ($(root, '#contact-phone') as HTMLInputElement).click();
    await form.updateComplete;
    expect(($(root, '#contactCountry') as HTMLSelectElement).value).to.equal('');
  });

  it('identifying fields keep nothing in the browser’s autofill', async () => {
    const { form, root } = await mount(atStep('contact', { ...exampleAnswers })());
    for (const id of ['contactValue', 'name']) expect($(root, `#${id}`).getAttribute('autocomplete'), id).to.equal('off');
    form.remove();
    const what = await mount(atStep('what')());
    for (const id of ['description', 'place', 'employer']) expect($(what.root, `#${id}`).getAttribute('autocomplete'), id).to.equal('off');
  });
});

describe('lindungi-report-form: the page around it', () => {
  it('fires a cancelable lindungi-exit with the exit URL; cancelled, the form stays as it was', async () => {
    const { form, root } = await mount(atStep('what')());
    const exit = oneEvent(form, 'lindungi-exit');
    form.addEventListener('lindungi-exit', (e) => e.preventDefault(), { once: true });
    $(root, '[part="exit"]').click();
    const event = await exit;
    expect(event.detail).to.deep.equal({ url: 'https://www.bbc.com/weather' });
    expect(event.cancelable).to.equal(true);
    expect(($(root, '#description') as HTMLTextAreaElement).value).to.equal(exampleAnswers.description);
  });

  it('inside a partner’s own <form>, its steps never submit that form; Enter in a field goes on', async () => {
    const client = atStep('contact', { ...exampleAnswers, contact: 'email', contactValue: 'sari@example.org' })();
    const host = await fixture<HTMLFormElement>(html`<form lang="en" action="/never"><lindungi-report-form .client=${client}></lindungi-report-form></form>`);
    let submitted = 0;
    host.addEventListener('submit', (e) => {
      submitted++;
      e.preventDefault();
    });
    const form = host.querySelector('lindungi-report-form') as Form;
    await ready(form);
    const root = form.shadowRoot!;
    const input = $(root, '#contactValue') as HTMLInputElement;
    input.focus();
    input.form!.requestSubmit();
    await waitUntil(() => root.querySelector('[part="answers"]'), 'Enter in a field went on to the check step');
    expect(submitted).to.equal(0);
  });

  it('follows heading-level, and says plainly when reporting is not set up', async () => {
    const host = await fixture<HTMLElement>(html`<div lang="en"><lindungi-report-form heading-level="3"></lindungi-report-form></div>`);
    const form = host.querySelector('lindungi-report-form') as Form;
    await ready(form);
    const root = form.shadowRoot!;
    expect($(root, '[part="heading"]').getAttribute('aria-level')).to.equal('3');
    expect(text($(root, '[part="not-set-up"]'))).to.equal(
      'Reporting is not set up on this site, so nothing you type here could be sent. You can contact these help lines directly.',
    );
    expect(root.querySelector('input, textarea')).to.equal(null);
    expect(root.querySelector('lindungi-hotline')).to.exist;
  });

  it('fits a 320 px screen on every step: nothing scrolls sideways', async () => {
    for (const step of ['danger', 'what', 'contact', 'check']) {
      const host = await fixture<HTMLElement>(html`<div lang="km" style="inline-size: 320px"></div>`);
      const form = document.createElement('lindungi-report-form') as Form;
      form.client = atStep(step, { ...exampleAnswers, adult: 'no', description: 'ក'.repeat(300) })();
      host.append(form);
      await ready(form);
      await waitUntil(() => form.shadowRoot!.querySelector('[part="continue"]'));
      await new Promise((r) => setTimeout(r, 100));
      const base = form.shadowRoot!.querySelector<HTMLElement>('[part="base"]')!;
      expect(base.scrollWidth, step).to.be.at.most(320);
      expect(form.getBoundingClientRect().width, step).to.equal(320);
    }
  });

  it('the help lines inside the form follow the page when its language changes', async () => {
    const { host, form, root } = await mount(atStep('danger', { inDanger: 'yes' })());
    host.lang = 'id';
    await waitUntil(() => root.querySelector('lindungi-hotline')?.shadowRoot?.querySelector('[part="base"]')?.getAttribute('lang') === 'id', 'hotline in id');
    host.lang = 'en';
    await form.updateComplete;
    await waitUntil(
      () => root.querySelector('lindungi-hotline')!.shadowRoot!.querySelector('[part="base"]')?.getAttribute('lang') === 'en',
      'the hotline inside the form switched to English',
      { timeout: 3000 },
    );
  });

  it('announces the character count once typing pauses, not at every key', async () => {
    const { form, root } = await mount(atStep('what', { inDanger: 'no' })());
    const status = $(root, '#description-count + [role="status"]');
    type($(root, '#description'), 'Hello');
    await form.updateComplete;
    expect(text($(root, '#description-count'))).to.equal('Characters left: 4,995.');
    expect(text(status)).to.equal('');
    await waitUntil(() => text(status) === 'Characters left: 4,995.', 'announced', { timeout: 2000 });
  });
});
