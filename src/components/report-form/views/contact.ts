/**
 * The step "How can the organisation reach you?", with how a phone number is read before it is sent.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '../../../internal/msg.js';
import { countryName } from '../../../internal/names.js';
import { PHONE_COUNTRIES, readPhone } from '../../../sdk/phone.js';
import type { ContentPack } from '../../../sdk/schema.js';
import type { FormContext } from '../context.js';
import { describedBy, fieldError, question, radios, textField } from './fields.js';

/** How the number will be read, as soon as it can be: the reader sees the country before sending. */
function renderPhoneReading(c: FormContext, pack: ContentPack): TemplateResult | typeof nothing {
  const reading = c.host.answers.contactValue.trim() ? readPhone(c.host.answers.contactValue, c.host.answers.contactCountry || undefined) : undefined;
  if (reading?.state !== 'valid') return nothing;
  return html`<p class="phone-reading" part="phone-reading">${phoneAsRead(c, pack, reading)}</p>`;
}

/** "0812-3456-7890 (Indonesia)": grouped as its country writes it, with the country's name. */
export function phoneAsRead(c: FormContext, pack: ContentPack, reading: { national: string; country?: string | undefined }): TemplateResult {
  const number = html`<bdi dir="ltr" class="number">${reading.national}</bdi>`;
  return reading.country ? msg(html`${number} (${countryName(reading.country, c.locale, pack)})`, { id: 'rf-number-in-country' }) : number;
}

/** The country of a national number: read from its shape unless the reader chooses one. */
function phoneCountrySelect(c: FormContext, pack: ContentPack): TemplateResult {
  const field = 'contactCountry';
  const options = PHONE_COUNTRIES.map((code) => [code, countryName(code, c.locale, pack)] as const);
  const hint = msg('Needed only when a number written without the country code could be from more than one country.', { id: 'rf-country-of-number-hint' });
  return html`<div class="field ${c.host.problems[field] ? 'invalid' : ''}" part="field">
    <label for=${field}>${msg('Country of this number', { id: 'rf-country-of-this-number' })}</label>
    <p class="hint" id="${field}-hint">${hint}</p>
    ${fieldError(c, field)}
    <select
      id=${field}
      autocomplete="off"
      aria-invalid=${c.host.problems[field] ? 'true' : 'false'}
      aria-describedby=${describedBy(c, field, `${field}-hint`) || nothing}
      @change=${(e: Event) => c.flow.update({ [field]: (e.target as HTMLSelectElement).value })}
    >
      <option value="" ?selected=${!c.host.answers[field]}>${msg('Read it from the number', { id: 'rf-read-from-number' })}</option>
      ${options.map(([code, name]) => html`<option value=${code} ?selected=${c.host.answers[field] === code}>${name}</option>`)}
    </select>
  </div>`;
}

export function renderContact(c: FormContext): TemplateResult {
  const pack = c.pack;
  const method = c.host.answers.contact;
  const phone = method === 'phone' || method === 'whatsapp';
  return html`${question(
    c,
    'contact',
    c.heading(c.level(1), msg('How can the organisation reach you?', { id: 'rf-how-can-the-organisation-reach' }), 'step-heading'),
    radios(c, 'contact', [
      { value: 'phone', label: msg('Phone call', { id: 'rf-phone-call' }) },
      { value: 'whatsapp', label: msg('WhatsApp', { id: 'rf-whatsapp' }) },
      { value: 'email', label: msg('Email', { id: 'rf-email' }) },
      { value: 'anonymous', label: msg('Do not contact me (stay anonymous)', { id: 'rf-do-not-contact-me-stay' }) },
    ]),
    html`${msg('You can stay anonymous. The organisation can still read your report and act on it, but it cannot ask you questions or tell you what it did. You can follow the report with its ticket.', { id: 'rf-you-can-stay-anonymous-the' })}`,
  )}
    ${
      method && method !== 'anonymous'
        ? html`<div class="conditional">
          ${textField(
            c,
            'contactValue',
            method === 'email'
              ? msg('Email address', { id: 'rf-email-address' })
              : method === 'whatsapp'
                ? msg('WhatsApp number', { id: 'rf-whatsapp-number' })
                : msg('Phone number', { id: 'rf-phone-number' }),
            {
              hint:
                method === 'email'
                  ? msg('For example nama@contoh.id', { id: 'rf-for-example-nama-contoh-id' })
                  : msg('Like 0812 3456 7890, or with the country code, like +855 12 345 678.', { id: 'rf-phone-hint' }),
              type: method === 'email' ? 'email' : 'tel',
              inputmode: method === 'email' ? 'email' : 'tel',
            },
          )}
          ${phone ? renderPhoneReading(c, pack) : nothing}
          ${phone ? phoneCountrySelect(c, pack) : nothing}
          ${textField(c, 'name', msg('Your name (optional)', { id: 'rf-your-name-optional' }), { hint: msg('A name the organisation may use when it contacts you. It need not be your real name.', { id: 'rf-a-name-the-organisation-may' }) })}
        </div>`
        : nothing
    }`;
}
