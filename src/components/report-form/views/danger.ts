/**
 * The first step, "Are you in danger right now?": with a yes, the emergency lines at once; and
 * what "Exit now" does, with the safety advice for a watched phone.
 */
import { html, isServer, nothing, type TemplateResult } from 'lit';
import { msg } from '../../../internal/msg.js';
import { renderSafetyTips } from '../../../internal/notes.js';
import type { FormContext } from '../context.js';
import { question, radios } from './fields.js';

export function renderDanger(c: FormContext): TemplateResult {
  const inDanger = c.host.answers.inDanger === 'yes';
  return html`${question(
    c,
    'inDanger',
    c.heading(c.level(1), msg('Are you in danger right now?', { id: 'rf-danger' }), 'step-heading'),
    radios(c, 'inDanger', [
      { value: 'yes', label: msg('Yes', { id: 'rf-yes' }) },
      { value: 'no', label: msg('No', { id: 'rf-no' }) },
    ]),
    html`${msg('For example: someone is hurting or threatening you, or you cannot leave the place where you are.', { id: 'rf-danger-hint' })}`,
  )}
    ${
      inDanger
        ? html`<div class="urgent" part="urgent">
          <p>
            <strong>${msg('Contact a help line now if you can.', { id: 'rf-danger-call' })}</strong>
            ${msg('You can still send this report afterwards, or now.', { id: 'rf-danger-go-on' })}
          </p>
          ${c.hotline()}
        </div>`
        : nothing
    }
    ${
      // What "Exit now" clears and erases is the script's work: the server's rendering does not promise it.
      isServer
        ? nothing
        : html`<p class="exit-help">
            ${msg('“Exit now” (or, on a keyboard, pressing Shift three times) clears this form, erases what you typed from this device and opens a weather website. It cannot hide that this page was visited.', { id: 'rf-exit-help-keyboard' })}
          </p>`
    }
    ${renderSafetyTips(c.pack, 'report-form', c.locale, c.level(2))}`;
}
