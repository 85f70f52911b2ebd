/**
 * The desk's pages: sign-in, the list of reports, one report (with the reveal and the status
 * change) and the audit log. Each renders the desk's state and calls its actions.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { msg, str } from '@lit/localize';
import { DESK_NOTE_MAX, DESK_FILTER_STATUSES, nextStatuses } from '../src/sdk/desk-schema.js';
import type { DeskAuditEntry, DeskOperator, DeskReport, DeskReportSummary } from '../src/sdk/desk-schema.js';
import type { DeskWords } from './words.js';
import { formatInternational, readPhone } from '../src/sdk/phone.js';

/** What the pages read of the desk and may ask it to do. */
export interface DeskView {
  readonly operator?: DeskOperator | undefined;
  readonly view: 'list' | 'report' | 'audit';
  readonly reports: DeskReportSummary[];
  readonly next?: string | undefined;
  readonly report?: DeskReport | undefined;
  readonly contact?: { anonymous: boolean; contact: Record<string, string> | null } | undefined;
  readonly audit: DeskAuditEntry[];
  readonly busy: boolean;
  filters: { status: string; inDanger: boolean; dangerFirst: boolean };
  readonly words: DeskWords;
  signIn(event: Event): Promise<void>;
  loadList(more?: boolean): Promise<void>;
  reveal(): Promise<void>;
  changeStatus(event: Event): Promise<void>;
}

export function renderSignIn(d: DeskView): TemplateResult {
  return html`<form @submit=${(e: Event) => void d.signIn(e)}>
    <h2>${msg('Sign in', { id: 'desk-sign-in' })}</h2>
    <label for="token">${msg('Your operator token', { id: 'desk-token' })}</label>
    <p id="token-hint">${msg('The token you were given when your access was created. It is not stored in this browser.', { id: 'desk-token-hint' })}</p>
    <input id="token" type="password" autocomplete="off" required aria-describedby="token-hint" />
    <p><button class="primary" ?disabled=${d.busy}>${msg('Sign in', { id: 'desk-sign-in' })}</button></p>
  </form>`;
}

export function renderList(d: DeskView): TemplateResult {
  const set = (patch: Partial<typeof d.filters>) => {
    d.filters = { ...d.filters, ...patch };
    void d.loadList();
  };
  return html`<h2>${msg('Reports', { id: 'desk-reports' })}</h2>
    <div class="row">
      <div>
        <label for="status">${msg('Status', { id: 'desk-status' })}</label>
        <select id="status" @change=${(e: Event) => set({ status: (e.target as HTMLSelectElement).value })}>
          <option value="">${msg('Any', { id: 'desk-any' })}</option>
          ${DESK_FILTER_STATUSES.map((s) => html`<option value=${s} ?selected=${d.filters.status === s}>${d.words.statusName(s)}</option>`)}
        </select>
      </div>
      <label class="check"
        ><input type="checkbox" .checked=${d.filters.inDanger} @change=${(e: Event) => set({ inDanger: (e.target as HTMLInputElement).checked })} />
        ${msg('Only reports in danger', { id: 'desk-only-danger' })}</label
      >
      <label class="check"
        ><input type="checkbox" .checked=${d.filters.dangerFirst} @change=${(e: Event) => set({ dangerFirst: (e.target as HTMLInputElement).checked })} />
        ${msg('In danger first', { id: 'desk-danger-first' })}</label
      >
      ${d.operator!.role === 'admin' ? html`<a class="button" href="#/audit">${msg('Audit log', { id: 'desk-audit' })}</a>` : nothing}
    </div>
    ${
      d.reports.length
        ? html`<table>
          <caption class="visually-hidden">${msg('Reports', { id: 'desk-reports' })}</caption>
          <thead>
            <tr>
              <th scope="col">${msg('Ticket', { id: 'desk-ticket' })}</th>
              <th scope="col">${msg('Received', { id: 'desk-received' })}</th>
              <th scope="col">${msg('Category', { id: 'desk-category' })}</th>
              <th scope="col">${msg('Danger', { id: 'desk-danger' })}</th>
              <th scope="col">${msg('Status', { id: 'desk-status' })}</th>
            </tr>
          </thead>
          <tbody>
            ${d.reports.map(
              (r) => html`<tr>
                <td><a href=${`#/reports/${r.ticket}`}>${r.ticket}</a></td>
                <td>${d.words.date(r.receivedAt)}</td>
                <td>${d.words.category(r.category)}</td>
                <td>${r.inDanger ? html`<span class="danger">${msg('In danger', { id: 'desk-in-danger' })}</span>` : msg('No', { id: 'desk-no' })}</td>
                <td>${d.words.statusName(r.status)}</td>
              </tr>`,
            )}
          </tbody>
        </table>`
        : html`<p>${msg('No reports match.', { id: 'desk-none' })}</p>`
    }
    ${d.next ? html`<p><button type="button" @click=${() => void d.loadList(true)}>${msg('Show more', { id: 'desk-more' })}</button></p>` : nothing}`;
}

export function renderReport(d: DeskView): TemplateResult {
  const r = d.report!;
  const canHandle = d.operator!.role !== 'viewer';
  const next = nextStatuses(r.status);
  const none = msg('Not given', { id: 'desk-not-given' });
  const reads = d.words.languageName(r.locale);
  return html`<p><a href="#/">${msg('Back to the reports', { id: 'desk-back' })}</a></p>
    <h2 id="report-title" tabindex="-1">${msg(str`Report ${r.ticket}`, { id: 'desk-report' })}</h2>
    ${r.inDanger ? html`<p class="danger">${msg('The reporter said they are in danger.', { id: 'desk-said-danger' })}</p>` : nothing}
    <dl>
      <dt>${msg('Status', { id: 'desk-status' })}</dt>
      <dd>${d.words.statusName(r.status)}${r.closedReason ? ` — ${r.closedReason}` : ''}</dd>
      <dt>${msg('Category', { id: 'desk-category' })}</dt>
      <dd>${d.words.category(r.category)}</dd>
      <dt>${msg('What happened', { id: 'desk-description' })}</dt>
      <dd lang=${r.locale} dir="auto">${r.description ?? msg('Removed (withdrawn or past retention)', { id: 'desk-removed' })}</dd>
      <dt>${msg('When', { id: 'desk-when' })}</dt>
      <dd>${r.occurredOn === 'unknown' ? msg('The reporter does not know', { id: 'desk-when-unknown' }) : r.occurredOn ? d.words.day(r.occurredOn) : none}</dd>
      <dt>${msg('Where', { id: 'desk-where' })}</dt>
      <dd>${[r.locationCountry ? d.words.country(r.locationCountry) : '', r.locationPlace ?? ''].filter(Boolean).join(', ') || none}</dd>
      <dt>${msg('Employer or agency', { id: 'desk-employer' })}</dt>
      <dd>${r.employerOrAgency ?? none}</dd>
      <dt>${msg('Received', { id: 'desk-received' })}</dt>
      <dd>${d.words.date(r.receivedAt)}</dd>
      <dt>${msg('Reporter’s language', { id: 'desk-reporter-language' })}</dt>
      <dd>${reads}</dd>
      <dt>${msg('Consent', { id: 'desk-consent' })}</dt>
      <dd>${r.consent.by === 'guardian' ? msg(str`By a parent or guardian (text ${r.consent.version})`, { id: 'desk-consent-guardian' }) : msg(str`By the reporter (text ${r.consent.version})`, { id: 'desk-consent-reporter' })}</dd>
    </dl>
    <section aria-labelledby="contact-title">
      <h3 id="contact-title">${msg('Contact details', { id: 'desk-contact' })}</h3>
      ${
        r.anonymous
          ? html`<p>${msg('The reporter chose to stay anonymous.', { id: 'desk-anonymous' })}</p>`
          : r.status === 'withdrawn'
            ? html`<p>${msg('Contact details deleted: the reporter withdrew the report.', { id: 'desk-contact-deleted' })}</p>`
            : d.contact
              ? d.contact.contact
                ? html`<dl part="contact">
                ${Object.entries(d.contact.contact).map(
                  ([k, v]) =>
                    html`<dt>${d.words.contactField(k)}</dt><dd>${k === 'method' ? d.words.method(v) : k === 'value' ? contactValue(d.contact!.contact!, v) : v}</dd>`,
                )}
              </dl>`
                : html`<p>${msg('Removed (withdrawn or past retention)', { id: 'desk-removed' })}</p>`
              : canHandle
                ? html`<p>${msg('Hidden. Revealing them is recorded in the audit log with your name.', { id: 'desk-hidden' })}</p>
                <button type="button" @click=${() => void d.reveal()}>${msg('Reveal contact details', { id: 'desk-reveal' })}</button>`
                : html`<p>${msg('Only handlers can reveal contact details.', { id: 'desk-handlers-only' })}</p>`
      }
    </section>
    <section aria-labelledby="stages-title">
      <h3 id="stages-title">${msg('Stages', { id: 'desk-stages' })}</h3>
      <ol>
        ${r.stages.map(
          (s) => html`<li>
            <strong>${d.words.statusName(s.stage)}</strong>, ${d.words.date(s.at)}${s.publicNote ? html`<br />${msg('To the reporter:', { id: 'desk-public' })} ${s.publicNote}` : nothing}${
              s.internalNote ? html`<br />${msg('Internal:', { id: 'desk-internal' })} ${s.internalNote}` : nothing
            }
          </li>`,
        )}
      </ol>
    </section>
    ${
      canHandle && next.length
        ? keyed(
            `${r.ticket} ${r.status}`,
            html`<form @submit=${(e: Event) => void d.changeStatus(e)}>
          <h3>${msg('Change the status', { id: 'desk-change' })}</h3>
          <label for="new-status">${msg('New status', { id: 'desk-new-status' })}</label>
          <select id="new-status" name="status" required>
            <option value="" selected disabled>${msg('Choose a status', { id: 'desk-choose-status' })}</option>
            ${next.map((s) => html`<option value=${s}>${d.words.statusName(s)}</option>`)}
          </select>
          <label for="public-note">${msg('Note to the reporter (optional)', { id: 'desk-public-note' })}</label>
          <p id="public-hint">${msg('Shown with the ticket on the reporter’s status page. Never write anything personal here.', { id: 'desk-public-hint' })}</p>
          <p id="public-language">${msg(str`The reporter reads ${reads}; the note is shown as you write it.`, { id: 'desk-reporter-reads' })}</p>
          <textarea id="public-note" name="publicNote" maxlength=${DESK_NOTE_MAX.publicNote} aria-describedby="public-hint public-language"></textarea>
          <label for="internal-note">${msg('Internal note (optional)', { id: 'desk-internal-note' })}</label>
          <textarea id="internal-note" name="internalNote" maxlength=${DESK_NOTE_MAX.internalNote}></textarea>
          <label for="reason">${msg('Reason, when closing', { id: 'desk-reason' })}</label>
          <input id="reason" name="reason" maxlength=${DESK_NOTE_MAX.reason} autocomplete="off" />
          <p><button class="primary">${msg('Change the status', { id: 'desk-change' })}</button></p>
        </form>`,
          )
        : nothing
    }`;
}

export function renderAudit(d: DeskView): TemplateResult {
  return html`<p><a href="#/">${msg('Back to the reports', { id: 'desk-back' })}</a></p>
    <h2>${msg('Audit log', { id: 'desk-audit' })}</h2>
    <table>
      <thead>
        <tr>
          <th scope="col">${msg('When', { id: 'desk-when' })}</th>
          <th scope="col">${msg('Who', { id: 'desk-who' })}</th>
          <th scope="col">${msg('What', { id: 'desk-what' })}</th>
          <th scope="col">${msg('Ticket', { id: 'desk-ticket' })}</th>
          <th scope="col">${msg('Details', { id: 'desk-details' })}</th>
        </tr>
      </thead>
      <tbody>
        ${d.audit.map(
          (e) => html`<tr>
            <td>${d.words.date(e.at)}</td>
            <td>${d.words.actor(e)}</td>
            <td>${d.words.actionName(e.action, e.detail)}</td>
            <td>${e.ticket ? html`<a href=${`#/reports/${e.ticket}`}>${e.ticket}</a>` : ''}</td>
            <td>${d.words.detailText(e)}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
}

/**
 * A revealed number as a caseworker dials it: grouped the international way, and a link that calls
 * or writes (E.164 stays the link). An email or anything unread is shown as it was stored.
 */
function contactValue(contact: Record<string, string>, value: string): TemplateResult | string {
  const method = contact['method'];
  if (method !== 'phone' && method !== 'whatsapp' && method !== 'sms') return value;
  const phone = readPhone(value);
  if (phone.state !== 'valid') return value;
  const href = method === 'whatsapp' ? `https://wa.me/${phone.e164.slice(1)}` : `${method === 'sms' ? 'sms' : 'tel'}:${phone.e164}`;
  return html`<a href=${href} rel="noreferrer"><bdi dir="ltr">${formatInternational(phone.e164)}</bdi></a>`;
}
