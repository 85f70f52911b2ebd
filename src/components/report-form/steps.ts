/**
 * The report form's later steps (what happened, how to reach you, consent and check) and its done
 * page. Loaded while the reader answers the first question, so the form's entry stays small.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { msg, str } from '../../internal/msg.js';
import { countryName, formatDate } from '../../internal/format.js';
import * as icons from '../../internal/icons.js';
import { CALLING_CODES, DESCRIPTION_MAX, latestToday } from '../../sdk/report-limits.js';
import { PHONE_COUNTRIES, readPhone } from '../../sdk/phone.js';
import type { ContentPack, LocalizedText } from '../../sdk/schema.js';
import { pickText, pickTextLocale } from '../../sdk/text.js';
import type { Answers, Step } from './answers.js';
import { describedBy, fieldError, question, radios, type FormView } from './fields.js';
import type { Problem } from './validation.js';

function textField(
  f: FormView,
  field: 'place' | 'employer' | 'name' | 'contactValue',
  label: string,
  options: { hint?: string; type?: string; inputmode?: string } = {},
): TemplateResult {
  return html`<div class="field ${f.problems[field] ? 'invalid' : ''}" part="field">
    <label for=${field}>${label}</label>
    ${options.hint ? html`<p class="hint" id="${field}-hint">${options.hint}</p>` : nothing} ${fieldError(f, field)}
    <input
      id=${field}
      type=${options.type ?? 'text'}
      inputmode=${options.inputmode ?? nothing}
      autocomplete="off"
      spellcheck="false"
      .value=${f.answers[field]}
      aria-invalid=${f.problems[field] ? 'true' : 'false'}
      aria-describedby=${describedBy(f, field, options.hint ? `${field}-hint` : '') || nothing}
      @input=${(e: Event) => f.update({ [field]: (e.target as HTMLInputElement).value })}
    />
  </div>`;
}

function countrySelect(f: FormView, field: 'country' | 'contactCountry', label: string, pack: ContentPack, hint?: string): TemplateResult {
  const first = [pack.corridor.destination, pack.corridor.origin];
  const others = Object.keys(CALLING_CODES)
    .filter((code) => !first.includes(code))
    .map((code) => [code, countryName(code, f.locale, pack)] as const)
    .sort((a, b) => a[1].localeCompare(b[1], f.locale));
  const options = [...first.map((code) => [code, countryName(code, f.locale, pack)] as const), ...others];
  return html`<div class="field ${f.problems[field] ? 'invalid' : ''}" part="field">
    <label for=${field}>${label}</label>
    ${hint ? html`<p class="hint" id="${field}-hint">${hint}</p>` : nothing} ${fieldError(f, field)}
    <select
      id=${field}
      autocomplete="off"
      aria-describedby=${describedBy(f, field, hint ? `${field}-hint` : '') || nothing}
      @change=${(e: Event) => f.update({ [field]: (e.target as HTMLSelectElement).value })}
    >
      ${options.map(([code, name]) => html`<option value=${code} ?selected=${f.answers[field] === code}>${name}</option>`)}
    </select>
  </div>`;
}

export function problemText(f: FormView, field: keyof Answers, problem: Problem): string {
  if (problem === 'too-long') return msg(str`Use ${field === 'description' ? DESCRIPTION_MAX : field === 'name' ? 100 : 200} characters or fewer.`, { id: 'rf-use-n-characters-or-fewer' });
  switch (field) {
    case 'inDanger':
      return msg('Choose yes or no.', { id: 'rf-choose-yes-or-no' });
    case 'category':
      return msg('Choose what happened.', { id: 'rf-choose-what-happened' });
    case 'description':
      return msg('Describe what happened.', { id: 'rf-describe-what-happened' });
    case 'occurredOn':
      return problem === 'future' ? msg('The date cannot be in the future.', { id: 'rf-the-date-cannot-be-in' }) : msg('Enter a real date, or choose “I don’t know”.', { id: 'rf-enter-a-real-date-or' });
    case 'country':
      return msg('Choose a country.', { id: 'rf-choose-a-country' });
    case 'contact':
      return msg('Choose how the organisation can reach you, or choose to stay anonymous.', { id: 'rf-choose-how-the-organisation-can' });
    case 'contactValue':
      if (problem === 'email') return msg('Enter an email address, like nama@contoh.id.', { id: 'rf-enter-an-email-address-like' });
      return f.answers.contactCountry
        ? msg(str`This is not a phone number in ${countryName(f.answers.contactCountry, f.locale, f.pack)}. Check the number and its country, or write it with the country code, like +62 812 3456 7890.`, { id: 'rf-not-a-number-in-country' })
        : msg('Enter a phone number with the country code, like +62 812 3456 7890.', { id: 'rf-enter-a-phone-number-with' });
    case 'contactCountry': {
      const [a, b] = PHONE_COUNTRIES.map((c) => countryName(c, f.locale, f.pack));
      return readPhone(f.answers.contactValue).state === 'choose' && (readPhone(f.answers.contactValue) as { fits: string[] }).fits.length > 1
        ? msg(str`This number could be from ${a} or from ${b}. Choose the country of this number.`, { id: 'rf-number-fits-both' })
        : msg(str`This is not a phone number in ${a} or ${b} as written. Choose the country of this number, or write it with the country code, like +60 12 345 6789.`, { id: 'rf-number-fits-none' });
    }
    case 'adult':
      return msg('Say whether you are 18 or older.', { id: 'rf-say-whether-you-are-18' });
    case 'consent':
      return f.answers.adult === 'no'
        ? msg('A parent or guardian must tick the box to agree, or the report cannot be sent.', { id: 'rf-a-parent-or-guardian-must' })
        : msg('Tick the box to agree, or the report cannot be sent.', { id: 'rf-tick-the-box-to-agree' });
    default:
      return msg('Check this answer.', { id: 'rf-check-this-answer' });
  }
}

export function renderWhat(f: FormView, pack: ContentPack): TemplateResult {
  const a = f.answers;
  const count = countText(f);
  return html`${f.heading(f.level(1), msg('What happened?', { id: 'rf-what-happened-2' }), 'step-heading')}
    ${question(f,
      'category',
      html`${msg('What kind of problem is it?', { id: 'rf-what-kind-of-problem-is' })}`,
      radios(f,
        'category',
        pack.reportCategories.map((c) => ({ value: c.id, label: f.text(c.label), hint: c.hint ? f.text(c.hint) : undefined })),
      ),
    )}
    <div class="field ${f.problems.description ? 'invalid' : ''}" part="field">
      <label for="description">${msg('Describe what happened', { id: 'rf-describe-what-happened-2' })}</label>
      <p class="hint" id="description-hint">${msg('In your own words, in any language. Say who did it and what you need, if you can.', { id: 'rf-in-your-own-words-in' })}</p>
      ${fieldError(f, 'description')}
      <textarea
        id="description"
        rows="6"
        autocomplete="off"
        .value=${a.description}
        aria-invalid=${f.problems.description ? 'true' : 'false'}
        aria-describedby=${describedBy(f, 'description', 'description-hint', 'description-count')}
        @input=${(e: Event) => f.typed((e.target as HTMLTextAreaElement).value)}
      ></textarea>
      <p class="count ${a.description.trim().length > DESCRIPTION_MAX ? 'over' : ''}" id="description-count" aria-hidden="true">${count}</p>
      <p class="visually-hidden" role="status">${f.countAnnouncement}</p>
    </div>
    ${question(f,
      'occurredOn',
      html`${msg('When did it happen? (optional)', { id: 'rf-when-did-it-happen-optional' })}`,
      html`<input
          id="occurredOn"
          type="date"
          max=${latestToday()}
          .value=${a.occurredOn}
          ?disabled=${a.occurredUnknown}
          aria-label=${msg('Date', { id: 'rf-date' })}
          aria-invalid=${f.problems.occurredOn ? 'true' : 'false'}
          @input=${(e: Event) => f.update({ occurredOn: (e.target as HTMLInputElement).value })}
        />
        <div class="choice">
          <input
            type="checkbox"
            id="occurredUnknown"
            .checked=${a.occurredUnknown}
            @change=${(e: Event) => f.update({ occurredUnknown: (e.target as HTMLInputElement).checked, occurredOn: '' })}
          />
          <label for="occurredUnknown">${msg('I don’t know', { id: 'rf-i-don-t-know' })}</label>
        </div>`,
    )}
    ${countrySelect(f, 'country', msg('In which country did it happen?', { id: 'rf-in-which-country-did-it' }), pack)}
    ${textField(f, 'place', msg('Town, city or place (optional)', { id: 'rf-town-city-or-place-optional' }))}
    ${textField(f, 'employer', msg('Employer or agency (optional)', { id: 'rf-employer-or-agency-optional' }), { hint: msg('The name of the company, agency or person you work for.', { id: 'rf-the-name-of-the-company' }) })}`;
}

export function countText(f: FormView): string {
  const left = DESCRIPTION_MAX - f.answers.description.trim().length;
  const n = new Intl.NumberFormat(f.locale).format(Math.abs(left));
  // Worded without a plural, so that one number fits every language.
  return left >= 0 ? msg(str`Characters left: ${n}.`, { id: 'rf-count-left' }) : msg(str`Too many characters: ${n}.`, { id: 'rf-count-over' });
}

/** How the number will be read, as soon as it can be: the reader sees the country before sending. */
function renderPhoneReading(f: FormView, pack: ContentPack): TemplateResult | typeof nothing {
  const reading = f.answers.contactValue.trim() ? readPhone(f.answers.contactValue, f.answers.contactCountry || undefined) : undefined;
  if (reading?.state !== 'valid') return nothing;
  return html`<p class="phone-reading" part="phone-reading">${phoneAsRead(f, pack, reading)}</p>`;
}

/** "0812-3456-7890 (Indonesia)": grouped as its country writes it, with the country's name. */
function phoneAsRead(f: FormView, pack: ContentPack, reading: { national: string; country?: string }): TemplateResult {
  const number = html`<bdi dir="ltr" class="number">${reading.national}</bdi>`;
  return reading.country ? msg(html`${number} (${countryName(reading.country, f.locale, pack)})`, { id: 'rf-number-in-country' }) : number;
}

/** The country of a national number: read from its shape unless the reader chooses one. */
function phoneCountrySelect(f: FormView, pack: ContentPack): TemplateResult {
  const field = 'contactCountry';
  const options = PHONE_COUNTRIES.map((code) => [code, countryName(code, f.locale, pack)] as const);
  const hint = msg('Needed only when a number written without the country code could be from more than one country.', { id: 'rf-country-of-number-hint' });
  return html`<div class="field ${f.problems[field] ? 'invalid' : ''}" part="field">
    <label for=${field}>${msg('Country of this number', { id: 'rf-country-of-this-number' })}</label>
    <p class="hint" id="${field}-hint">${hint}</p>
    ${fieldError(f, field)}
    <select
      id=${field}
      autocomplete="off"
      aria-invalid=${f.problems[field] ? 'true' : 'false'}
      aria-describedby=${describedBy(f, field, `${field}-hint`) || nothing}
      @change=${(e: Event) => f.update({ [field]: (e.target as HTMLSelectElement).value })}
    >
      <option value="" ?selected=${!f.answers[field]}>${msg('Read it from the number', { id: 'rf-read-from-number' })}</option>
      ${options.map(([code, name]) => html`<option value=${code} ?selected=${f.answers[field] === code}>${name}</option>`)}
    </select>
  </div>`;
}

export function renderContact(f: FormView, pack: ContentPack): TemplateResult {
  const method = f.answers.contact;
  const phone = method === 'phone' || method === 'whatsapp';
  return html`${question(f,
      'contact',
      f.heading(f.level(1), msg('How can the organisation reach you?', { id: 'rf-how-can-the-organisation-reach' }), 'step-heading'),
      radios(f, 'contact', [
        { value: 'phone', label: msg('Phone call', { id: 'rf-phone-call' }) },
        { value: 'whatsapp', label: msg('WhatsApp', { id: 'rf-whatsapp' }) },
        { value: 'email', label: msg('Email', { id: 'rf-email' }) },
        { value: 'anonymous', label: msg('Do not contact me (stay anonymous)', { id: 'rf-do-not-contact-me-stay' }) },
      ]),
      html`${msg('You can stay anonymous. The organisation can still read your report and act on it, but it cannot ask you questions or tell you what it did. You can follow the report with its ticket.', { id: 'rf-you-can-stay-anonymous-the' })}`,
    )}
    ${method && method !== 'anonymous'
      ? html`<div class="conditional">
          ${textField(f, 'contactValue', method === 'email' ? msg('Email address', { id: 'rf-email-address' }) : method === 'whatsapp' ? msg('WhatsApp number', { id: 'rf-whatsapp-number' }) : msg('Phone number', { id: 'rf-phone-number' }), {
            hint: method === 'email' ? msg('For example nama@contoh.id', { id: 'rf-for-example-nama-contoh-id' }) : msg('Like 0812 3456 7890, or with the country code, like +855 12 345 678.', { id: 'rf-phone-hint' }),
            type: method === 'email' ? 'email' : 'tel',
            inputmode: method === 'email' ? 'email' : 'tel',
          })}
          ${phone ? renderPhoneReading(f, pack) : nothing}
          ${phone ? phoneCountrySelect(f, pack) : nothing}
          ${textField(f, 'name', msg('Your name (optional)', { id: 'rf-your-name-optional' }), { hint: msg('A name the organisation may use when it contacts you. It need not be your real name.', { id: 'rf-a-name-the-organisation-may' }) })}
        </div>`
      : nothing}`;
}

function fill(f: FormView, text: LocalizedText, values: Record<string, string>): TemplateResult {
  const filled = pickText(text, f.locale).replace(/\{(\w+)\}/g, (all, name: string) => values[name] ?? all);
  return html`<span lang=${pickTextLocale(text, f.locale) ?? nothing}>${filled}</span>`;
}

export function renderCheck(f: FormView, pack: ContentPack): TemplateResult {
  const a = f.answers;
  const consent = pack.consent;
  const operator = f.operator;
  const values: Record<string, string> = operator
    ? {
        operator: pickText(operator.name, f.locale),
        contact: pickText(operator.contact, f.locale),
        days: new Intl.NumberFormat(f.locale).format(operator.retentionDays),
        country: operator.dataLocation ? countryName(operator.dataLocation, f.locale, pack) : '',
      }
    : {};
  return html`${f.heading(f.level(1), msg('Check your answers and agree', { id: 'rf-check-your-answers-and-agree' }), 'step-heading')} ${renderAnswers(f, pack)}
    <section class="consent" part="consent" aria-labelledby="consent-title">
      <div role="heading" aria-level=${Math.min(6, f.level(2))} class="consent-title" id="consent-title">${f.text(consent.title)}</div>
      ${operator
        ? html`${operator.demonstration
              ? html`<p class="notice demo"><strong>${msg('This is a demonstration: nobody reads reports sent here. In an emergency, contact a help line.', { id: 'rf-this-is-a-demonstration-nobody' })}</strong></p>`
              : nothing}
            <p>${fill(f, consent.recipient, values)}${operator.privacyUrl
                ? html` <a href=${operator.privacyUrl} target="_blank" rel="noopener noreferrer">${msg('Privacy notice', { id: 'rf-privacy-notice' })}</a>`
                : nothing}</p>
            <ul>
              ${[consent.basis, consent.purpose, consent.dataKinds, consent.sensitive, consent.retention].map((t) => html`<li>${fill(f, t, values)}</li>`)}
              <li>
                ${operator.dataLocation
                  ? fill(f, consent.storedIn, values)
                  : msg('The organisation has not said in which country the data is stored.', { id: 'rf-no-location' })}
                ${fill(f, consent.transfer, values)}
              </li>
              ${[consent.deviceCopy, consent.withdrawal, consent.rights].map((t) => html`<li>${fill(f, t, values)}</li>`)}
            </ul>
            <p class="citation">${msg('Legal basis:', { id: 'rf-legal-basis' })} <cite>${consent.legalBasis.citation}</cite></p>`
        : f.operatorState === 'failed'
          ? html`<div class="notice error" role="alert">
              ${icons.alertIcon}
              <div>
                <p>${msg('Who receives the report could not be loaded, so it cannot be sent yet. Your answers are kept. Check your connection and try again.', { id: 'rf-who-receives-the-report-could' })}</p>
                <button type="button" part="retry" @click=${() => f.retryOperator()}>${icons.retryIcon} ${msg('Try again', { id: 'rf-try-again' })}</button>
              </div>
            </div>`
          : html`<p role="status">${msg('Loading…', { id: 'rf-loading' })}</p>`}
    </section>
    ${question(f,
      'adult',
      html`${msg('Are you 18 or older?', { id: 'rf-are-you-18-or-older' })}`,
      radios(f, 'adult', [
        { value: 'yes', label: msg('Yes', { id: 'rf-yes' }) },
        { value: 'no', label: msg('No, I am under 18', { id: 'rf-no-i-am-under-18' }) },
      ]),
    )}
    ${a.adult === 'no' ? html`<div class="urgent"><p>${f.text(consent.minor)}</p>${f.hotline()}</div>` : nothing}
    ${operator
      ? html`<div class="field ${f.problems.consent ? 'invalid' : ''}" part="field">
          ${fieldError(f, 'consent')}
          <div class="choice">
            <input
              type="checkbox"
              id="consent"
              .checked=${a.consent}
              aria-invalid=${f.problems.consent ? 'true' : 'false'}
              aria-describedby=${describedBy(f, 'consent') || nothing}
              @change=${(e: Event) => f.update({ consent: (e.target as HTMLInputElement).checked })}
            />
            <label for="consent">${fill(f, a.adult === 'no' ? consent.agreeGuardian : consent.agree, values)}</label>
          </div>
        </div>`
      : nothing}`;
}

/** Every answer, each with a way back to change it. */
function renderAnswers(f: FormView, pack: ContentPack): TemplateResult {
  const a = f.answers;
  const none = msg('Not given', { id: 'rf-not-given' });
  const category = pack.reportCategories.find((c) => c.id === a.category);
  // A number is shown grouped as its country writes it, with the country's name, so a wrong country can be seen and changed.
  const reading = a.contact === 'phone' || a.contact === 'whatsapp' ? readPhone(a.contactValue, a.contactCountry || undefined) : undefined;
  const value = reading?.state === 'valid' ? phoneAsRead(f, pack, reading) : a.contactValue.trim();
  const contact =
    a.contact === 'anonymous'
      ? msg('Anonymous: do not contact me', { id: 'rf-anonymous-do-not-contact-me' })
      : a.contact
        ? html`${{ phone: msg('Phone call', { id: 'rf-phone-call' }), whatsapp: msg('WhatsApp', { id: 'rf-whatsapp' }), email: msg('Email', { id: 'rf-email' }) }[a.contact]}: ${value}${a.name.trim() ? ` (${a.name.trim()})` : ''}`
        : none;
  const rows: Array<[string, TemplateResult | string, Step, string]> = [
    [msg('In danger right now', { id: 'rf-in-danger-right-now' }), a.inDanger === 'yes' ? msg('Yes', { id: 'rf-yes' }) : a.inDanger === 'no' ? msg('No', { id: 'rf-no' }) : none, 'danger', 'inDanger'],
    [msg('What kind of problem', { id: 'rf-what-kind-of-problem' }), category ? f.text(category.label) : none, 'what', 'category'],
    [msg('What happened', { id: 'rf-what-happened' }), html`<span class="pre">${a.description.trim() || none}</span>`, 'what', 'description'],
    [msg('When', { id: 'rf-when' }), a.occurredUnknown ? msg('I don’t know', { id: 'rf-i-don-t-know' }) : a.occurredOn ? formatDate(a.occurredOn, f.locale) : none, 'what', 'occurredOn'],
    [msg('Where', { id: 'rf-where' }), [a.country ? countryName(a.country, f.locale, pack) : '', a.place.trim()].filter(Boolean).join(', ') || none, 'what', 'country'],
    [msg('Employer or agency', { id: 'rf-employer-or-agency' }), a.employer.trim() || none, 'what', 'employer'],
    [msg('How to reach you', { id: 'rf-how-to-reach-you' }), contact, 'contact', 'contact'],
  ];
  return html`<dl class="answers" part="answers">
    ${rows.map(
      ([question, answer, step, field]) => html`<div class="row">
        <dt>${question}</dt>
        <dd>${answer}</dd>
        <dd class="change">
          <button type="button" class="link" @click=${() => f.go(step, `#${field}, [name="${field}"]`)}>
            ${msg('Change', { id: 'rf-change' })}<span class="visually-hidden"> ${question}</span>
          </button>
        </dd>
      </div>`,
    )}
  </dl>`;
}

export function renderDone(f: FormView): TemplateResult {
  const outcome = f.outcome;
  if (!outcome) return html``;
  if (outcome.state === 'queued') {
    return html`<div class="done queued" part="queued">
      ${f.heading(f.level(1), msg('Saved on this device', { id: 'rf-saved-on-this-device' }), 'step-heading')}
      <p>${msg('It will be sent automatically when you are online. You can close this page: it is sent the next time this site is open here and online.', { id: 'rf-it-will-be-sent-automatically' })}</p>
      <p>${msg('Clearing this browser’s site data or history deletes a report that has not been sent yet.', { id: 'rf-clearing-this-browser-s-site' })}</p>
      <button type="button" @click=${() => f.flush()}>${icons.retryIcon} ${msg('Try sending now', { id: 'rf-try-sending-now' })}</button>
    </div>`;
  }
  if (outcome.state === 'failed') {
    return html`<div class="done" part="refused">
      ${f.heading(f.level(1), msg('The report was not accepted', { id: 'rf-the-report-was-not-accepted' }), 'step-heading')}
      <p>${msg('The organisation’s server refused this report. You can contact a help line instead.', { id: 'rf-the-organisation-s-server-refused' })}</p>
      ${f.hotline()}
    </div>`;
  }
  const ticket = outcome.ticket!;
  const withdrawn = outcome.state === 'withdrawn';
  return html`<div class="done sent" part="sent">
    ${f.heading(f.level(1), withdrawn ? msg('Your report was withdrawn', { id: 'rf-your-report-was-withdrawn' }) : msg('Your report was sent', { id: 'rf-your-report-was-sent' }), 'step-heading')}
    <p class="ticket-label" id="ticket-label">${msg('Your ticket', { id: 'rf-your-ticket' })}</p>
    <p class="ticket" part="ticket" aria-labelledby="ticket-label">${ticket}</p>
    <button type="button" @click=${(e: Event) => f.copyTicket(e, ticket)}>${icons.copyIcon} ${msg('Copy the ticket', { id: 'rf-copy-the-ticket' })}</button>
    ${withdrawn
      ? html`<p part="outcome-message" tabindex="-1">${msg('Its contact details were deleted and the organisation stops handling it. The ticket stays on this device until you erase it.', { id: 'rf-its-contact-details-were-deleted' })}</p>`
      : html`<p>${msg('Write this ticket down or take a screenshot, and keep it somewhere safe. With it you can follow your report here, or ask about it at a help line.', { id: 'rf-write-this-ticket-down-or' })}</p>`}
    ${keyed(
      outcome.state,
      // A new timeline once the report is withdrawn: it reads the status again, and never shows the old one.
      html`<lindungi-stage-timeline
        ticket=${ticket}
        corridor=${f.corridor || nothing}
        api=${f.api ?? nothing}
        heading-level=${f.level(1)}
        .client=${f.client}
      ></lindungi-stage-timeline>`,
    )}
    <div class="actions">
      ${withdrawn
        ? nothing
        : f.confirming === 'withdraw'
          ? html`<div class="confirm" role="group" aria-labelledby="withdraw-q">
              <p id="withdraw-q">${msg('Withdraw this report? The organisation stops handling it and its contact details are deleted. This cannot be undone.', { id: 'rf-withdraw-this-report-the-organisation' })}</p>
              <button type="button" class="danger" @click=${() => f.withdraw()}>${msg('Withdraw the report', { id: 'rf-withdraw-the-report' })}</button>
              <button type="button" @click=${() => f.confirm(undefined)}>${msg('Keep it', { id: 'rf-keep-it' })}</button>
            </div>`
          : html`<button type="button" part="withdraw" ?disabled=${f.busy} @click=${() => f.confirm('withdraw')}>${msg('Withdraw this report', { id: 'rf-withdraw-this-report' })}</button>`}
      <button type="button" class="link" @click=${() => f.startAgain()}>${msg('Start a new report', { id: 'rf-start-a-new-report' })}</button>
    </div>
  </div>`;
}