/**
 * The done page: the report waiting on the device, refused, or sent with its ticket and timeline.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { msg } from '../../../internal/msg.js';
import * as icons from '../../../internal/icons.js';
import * as contentIcons from '../../../internal/content-icons.js';
import type { FormContext } from '../context.js';

export function renderDone(c: FormContext): TemplateResult {
  const outcome = c.host.outcome;
  if (!outcome) return html``;
  if (outcome.state === 'queued') {
    return html`<div class="done queued" part="queued">
      ${c.heading(c.level(1), msg('Saved on this device', { id: 'rf-saved-on-this-device' }), 'step-heading')}
      <p>${msg('It will be sent automatically when you are online. You can close this page: it is sent the next time this site is open here and online.', { id: 'rf-it-will-be-sent-automatically' })}</p>
      <p>${msg('Clearing this browser’s site data or history deletes a report that has not been sent yet.', { id: 'rf-clearing-this-browser-s-site' })}</p>
      <button type="button" @click=${() => c.flow.flush()}>${icons.retryIcon} ${msg('Try sending now', { id: 'rf-try-sending-now' })}</button>
    </div>`;
  }
  if (outcome.state === 'failed') {
    return html`<div class="done" part="refused">
      ${c.heading(c.level(1), msg('The report was not accepted', { id: 'rf-the-report-was-not-accepted' }), 'step-heading')}
      <p>${msg('The organisation’s server refused this report. You can contact a help line instead.', { id: 'rf-the-organisation-s-server-refused' })}</p>
      ${c.hotline()}
    </div>`;
  }
  const ticket = outcome.ticket!;
  const withdrawn = outcome.state === 'withdrawn';
  return html`<div class="done sent" part="sent">
    ${c.heading(c.level(1), withdrawn ? msg('Your report was withdrawn', { id: 'rf-your-report-was-withdrawn' }) : msg('Your report was sent', { id: 'rf-your-report-was-sent' }), 'step-heading')}
    <p class="ticket-label" id="ticket-label">${msg('Your ticket', { id: 'rf-your-ticket' })}</p>
    <p class="ticket" part="ticket" dir="ltr" aria-labelledby="ticket-label">${ticket}</p>
    <button type="button" @click=${(e: Event) => c.flow.copyTicket(e, ticket)}>${contentIcons.copyIcon} ${msg('Copy the ticket', { id: 'rf-copy-the-ticket' })}</button>
    ${
      withdrawn
        ? html`<p part="outcome-message" tabindex="-1">${msg('Its contact details were deleted and the organisation stops handling it. The ticket stays on this device until you erase it.', { id: 'rf-its-contact-details-were-deleted' })}</p>`
        : html`<p>${msg('Write this ticket down or take a screenshot, and keep it somewhere safe. With it you can follow your report here, or ask about it at a help line.', { id: 'rf-write-this-ticket-down-or' })}</p>`
    }
    ${keyed(
      outcome.state,
      // A new timeline once the report is withdrawn: it reads the status again, and never shows the old one.
      html`<lindungi-stage-timeline
        ticket=${ticket}
        corridor=${c.host.corridor || nothing}
        api=${c.host.api ?? nothing}
        heading-level=${c.level(1)}
        .client=${c.host.client}
      ></lindungi-stage-timeline>`,
    )}
    <div class="actions">
      ${
        withdrawn
          ? nothing
          : c.host.confirming === 'withdraw'
            ? html`<div class="confirm" role="group" aria-labelledby="withdraw-q">
              <p id="withdraw-q">${msg('Withdraw this report? The organisation stops handling it and its contact details are deleted. This cannot be undone.', { id: 'rf-withdraw-this-report-the-organisation' })}</p>
              <button type="button" class="danger" @click=${() => c.flow.withdraw()}>${msg('Withdraw the report', { id: 'rf-withdraw-the-report' })}</button>
              <button type="button" @click=${() => c.flow.confirm(undefined)}>${msg('Keep it', { id: 'rf-keep-it' })}</button>
            </div>`
            : html`<button type="button" part="withdraw" ?disabled=${c.host.busy} @click=${() => c.flow.confirm('withdraw')}>${msg('Withdraw this report', { id: 'rf-withdraw-this-report' })}</button>`
      }
      <button type="button" class="link" @click=${() => c.flow.startAgain()}>${msg('Start a new report', { id: 'rf-start-a-new-report' })}</button>
    </div>
  </div>`;
}
