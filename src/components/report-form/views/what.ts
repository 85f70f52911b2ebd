/**
 * The step "What happened?": the kind of problem, the description, when and where, the employer.
 */
import { html, type TemplateResult } from 'lit';
import { msg } from '../../../internal/msg.js';
import { DESCRIPTION_MAX, latestToday } from '../../../sdk/report-limits.js';
import type { FormContext } from '../context.js';
import { countrySelect, describedBy, fieldError, question, radios, textField } from './fields.js';
import { countText } from './problems.js';

export function renderWhat(c: FormContext): TemplateResult {
  const a = c.host.answers;
  const pack = c.pack;
  const count = countText(c);
  return html`${c.heading(c.level(1), msg('What happened?', { id: 'rf-what-happened-2' }), 'step-heading')}
    ${question(
      c,
      'category',
      html`${msg('What kind of problem is it?', { id: 'rf-what-kind-of-problem-is' })}`,
      radios(
        c,
        'category',
        pack.reportCategories.map((category) => ({
          value: category.id,
          label: c.text(category.label),
          hint: category.hint ? c.text(category.hint) : undefined,
        })),
      ),
    )}
    <div class="field ${c.host.problems.description ? 'invalid' : ''}" part="field">
      <label for="description">${msg('Describe what happened', { id: 'rf-describe-what-happened-2' })}</label>
      <p class="hint" id="description-hint">${msg('In your own words, in any language. Say who did it and what you need, if you can.', { id: 'rf-in-your-own-words-in' })}</p>
      ${fieldError(c, 'description')}
      <textarea
        id="description"
        rows="6"
        autocomplete="off"
        .value=${a.description}
        aria-invalid=${c.host.problems.description ? 'true' : 'false'}
        aria-describedby=${describedBy(c, 'description', 'description-hint', 'description-count')}
        @input=${(e: Event) => c.flow.typed((e.target as HTMLTextAreaElement).value)}
      ></textarea>
      <p class="count ${a.description.trim().length > DESCRIPTION_MAX ? 'over' : ''}" id="description-count" aria-hidden="true">${count}</p>
      <p class="visually-hidden" role="status">${c.host.countAnnouncement}</p>
    </div>
    ${question(
      c,
      'occurredOn',
      html`${msg('When did it happen? (optional)', { id: 'rf-when-did-it-happen-optional' })}`,
      html`<input
          id="occurredOn"
          type="date"
          max=${latestToday()}
          .value=${a.occurredOn}
          ?disabled=${a.occurredUnknown}
          aria-label=${msg('Date', { id: 'rf-date' })}
          aria-invalid=${c.host.problems.occurredOn ? 'true' : 'false'}
          @input=${(e: Event) => c.flow.update({ occurredOn: (e.target as HTMLInputElement).value })}
        />
        <div class="choice">
          <input
            type="checkbox"
            id="occurredUnknown"
            .checked=${a.occurredUnknown}
            @change=${(e: Event) => c.flow.update({ occurredUnknown: (e.target as HTMLInputElement).checked, occurredOn: '' })}
          />
          <label for="occurredUnknown">${msg('I don’t know', { id: 'rf-i-don-t-know' })}</label>
        </div>`,
    )}
    ${countrySelect(c, 'country', msg('In which country did it happen?', { id: 'rf-in-which-country-did-it' }), pack)}
    ${textField(c, 'place', msg('Town, city or place (optional)', { id: 'rf-town-city-or-place-optional' }))}
    ${textField(c, 'employer', msg('Employer or agency (optional)', { id: 'rf-employer-or-agency-optional' }), { hint: msg('The name of the company, agency or person you work for.', { id: 'rf-the-name-of-the-company' }) })}`;
}
