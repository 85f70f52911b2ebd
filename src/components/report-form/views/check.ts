/**
 * The step "Check your answers and agree": every answer with a way back to it, the consent as the
 * pack words it with the operator's name and days filled in, the age question and the consent box.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '../../../internal/msg.js';
import { formatDate } from '../../../internal/format.js';
import { countryName } from '../../../internal/names.js';
import * as icons from '../../../internal/icons.js';
import { readPhone } from '../../../sdk/phone.js';
import type { ContentPack, LocalizedText } from '../../../sdk/schema.js';
import { pickText, pickTextLocale } from '../../../sdk/text.js';
import type { Step } from '../answers.js';
import type { FormContext } from '../context.js';
import { phoneAsRead } from './contact.js';
import { describedBy, fieldError, question, radios } from './fields.js';

function fill(c: FormContext, text: LocalizedText, values: Record<string, string>): TemplateResult {
  const filled = pickText(text, c.locale).replace(/\{(\w+)\}/g, (all, name: string) => values[name] ?? all);
  return html`<span lang=${pickTextLocale(text, c.locale) ?? nothing}>${filled}</span>`;
}

export function renderCheck(c: FormContext): TemplateResult {
  const a = c.host.answers;
  const pack = c.pack;
  const consent = pack.consent;
  const operator = c.host.operator;
  const values: Record<string, string> = operator
    ? {
        operator: pickText(operator.name, c.locale),
        contact: pickText(operator.contact, c.locale),
        days: new Intl.NumberFormat(c.locale).format(operator.retentionDays),
        country: operator.dataLocation ? countryName(operator.dataLocation, c.locale, pack) : '',
      }
    : {};
  return html`${c.heading(c.level(1), msg('Check your answers and agree', { id: 'rf-check-your-answers-and-agree' }), 'step-heading')} ${renderAnswers(c, pack)}
    <section class="consent" part="consent" aria-labelledby="consent-title">
      <div role="heading" aria-level=${Math.min(6, c.level(2))} class="consent-title" id="consent-title">${c.text(consent.title)}</div>
      ${
        operator
          ? html`${
              operator.demonstration
                ? html`<p class="notice demo"><strong>${msg('This is a demonstration: nobody reads reports sent here. In an emergency, contact a help line.', { id: 'rf-this-is-a-demonstration-nobody' })}</strong></p>`
                : nothing
            }
            <p>${fill(c, consent.recipient, values)}${
              operator.privacyUrl
                ? html` <a href=${operator.privacyUrl} target="_blank" rel="noopener noreferrer">${msg('Privacy notice', { id: 'rf-privacy-notice' })}</a>`
                : nothing
            }</p>
            <ul>
              ${[consent.basis, consent.purpose, consent.dataKinds, consent.sensitive, consent.retention].map((t) => html`<li>${fill(c, t, values)}</li>`)}
              <li>
                ${
                  operator.dataLocation
                    ? fill(c, consent.storedIn, values)
                    : msg('The organisation has not said in which country the data is stored.', { id: 'rf-no-location' })
                }
                ${fill(c, consent.transfer, values)}
              </li>
              ${[consent.deviceCopy, consent.withdrawal, consent.rights].map((t) => html`<li>${fill(c, t, values)}</li>`)}
            </ul>
            <p class="citation">${msg('Legal basis:', { id: 'rf-legal-basis' })} <cite>${consent.legalBasis.citation}</cite></p>`
          : c.host.operatorState === 'failed'
            ? html`<div class="notice error" role="alert">
              ${icons.alertIcon}
              <div>
                <p>${msg('Who receives the report could not be loaded, so it cannot be sent yet. Your answers are kept. Check your connection and try again.', { id: 'rf-who-receives-the-report-could' })}</p>
                <button type="button" part="retry" @click=${() => c.flow.retryOperator()}>${icons.retryIcon} ${msg('Try again', { id: 'rf-try-again' })}</button>
              </div>
            </div>`
            : html`<p role="status">${msg('Loading…', { id: 'rf-loading' })}</p>`
      }
    </section>
    ${question(
      c,
      'adult',
      html`${msg('Are you 18 or older?', { id: 'rf-are-you-18-or-older' })}`,
      radios(c, 'adult', [
        { value: 'yes', label: msg('Yes', { id: 'rf-yes' }) },
        { value: 'no', label: msg('No, I am under 18', { id: 'rf-no-i-am-under-18' }) },
      ]),
    )}
    ${a.adult === 'no' ? html`<div class="urgent"><p>${c.text(consent.minor)}</p>${c.hotline()}</div>` : nothing}
    ${
      operator
        ? html`<div class="field ${c.host.problems.consent ? 'invalid' : ''}" part="field">
          ${fieldError(c, 'consent')}
          <div class="choice">
            <input
              type="checkbox"
              id="consent"
              .checked=${a.consent}
              aria-invalid=${c.host.problems.consent ? 'true' : 'false'}
              aria-describedby=${describedBy(c, 'consent') || nothing}
              @change=${(e: Event) => c.flow.update({ consent: (e.target as HTMLInputElement).checked })}
            />
            <label for="consent">${fill(c, a.adult === 'no' ? consent.agreeGuardian : consent.agree, values)}</label>
          </div>
        </div>`
        : nothing
    }`;
}

/** Every answer, each with a way back to change it. */
function renderAnswers(c: FormContext, pack: ContentPack): TemplateResult {
  const a = c.host.answers;
  const none = msg('Not given', { id: 'rf-not-given' });
  const category = pack.reportCategories.find((entry) => entry.id === a.category);
  // A number is shown grouped as its country writes it, with the country's name, so a wrong country can be seen and changed.
  const reading = a.contact === 'phone' || a.contact === 'whatsapp' ? readPhone(a.contactValue, a.contactCountry || undefined) : undefined;
  // What the reader typed keeps its own direction (an English sentence in an Arabic form reads left
  // to right, its full stop at its end): each answer is isolated.
  const own = (typed: string) => html`<bdi>${typed}</bdi>`;
  const value = reading?.state === 'valid' ? phoneAsRead(c, pack, reading) : html`<bdi dir="ltr">${a.contactValue.trim()}</bdi>`;
  const contact =
    a.contact === 'anonymous'
      ? msg('Anonymous: do not contact me', { id: 'rf-anonymous-do-not-contact-me' })
      : a.contact
        ? html`${{ phone: msg('Phone call', { id: 'rf-phone-call' }), whatsapp: msg('WhatsApp', { id: 'rf-whatsapp' }), email: msg('Email', { id: 'rf-email' }) }[a.contact]}: ${value}${a.name.trim() ? html` (${own(a.name.trim())})` : ''}`
        : none;
  const rows: Array<[string, TemplateResult | string, Step, string]> = [
    [
      msg('In danger right now', { id: 'rf-in-danger-right-now' }),
      a.inDanger === 'yes' ? msg('Yes', { id: 'rf-yes' }) : a.inDanger === 'no' ? msg('No', { id: 'rf-no' }) : none,
      'danger',
      'inDanger',
    ],
    [msg('What kind of problem', { id: 'rf-what-kind-of-problem' }), category ? c.text(category.label) : none, 'what', 'category'],
    [msg('What happened', { id: 'rf-what-happened' }), html`<span class="pre" dir="auto">${a.description.trim() || none}</span>`, 'what', 'description'],
    [
      msg('When', { id: 'rf-when' }),
      a.occurredUnknown ? msg('I don’t know', { id: 'rf-i-don-t-know' }) : a.occurredOn ? formatDate(a.occurredOn, c.locale) : none,
      'what',
      'occurredOn',
    ],
    [
      msg('Where', { id: 'rf-where' }),
      a.country && a.place.trim()
        ? msg(html`${own(a.place.trim())}, ${countryName(a.country, c.locale, pack)}`, { id: 'rf-place-in-country' })
        : a.country
          ? countryName(a.country, c.locale, pack)
          : a.place.trim()
            ? own(a.place.trim())
            : none,
      'what',
      'country',
    ],
    [msg('Employer or agency', { id: 'rf-employer-or-agency' }), a.employer.trim() ? own(a.employer.trim()) : none, 'what', 'employer'],
    [msg('How to reach you', { id: 'rf-how-to-reach-you' }), contact, 'contact', 'contact'],
  ];
  return html`<dl class="answers" part="answers">
    ${rows.map(
      ([question, answer, step, field]) => html`<div class="row">
        <dt>${question}</dt>
        <dd>${answer}</dd>
        <dd class="change">
          <button type="button" class="link" @click=${() => c.flow.go(step, `#${field}, [name="${field}"]`)}>
            ${msg('Change', { id: 'rf-change' })}<span class="visually-hidden"> ${question}</span>
          </button>
        </dd>
      </div>`,
    )}
  </dl>`;
}
