/**
 * The case desk page: caseworkers sign in with their token (exchanged for a session cookie), see
 * the reports (in danger first), open one, reveal its contact details (on the audit log), move it
 * along its stages with a note the reporter sees, and — for admins — read the audit log.
 * Same-origin with the API; every request goes through `api()`.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { configureLocalization, msg, str } from '@lit/localize';
import { sourceLocale, targetLocales } from './generated/locale-codes.js';

const { setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: () => import('./generated/locales/id.js'),
});

type Role = 'viewer' | 'handler' | 'admin';
interface Operator {
  id: string;
  name: string;
  role: Role;
}
interface Summary {
  ticket: string;
  category: string;
  inDanger: boolean;
  status: string;
  receivedAt: string;
  locationCountry: string | null;
}
interface Report extends Summary {
  description: string | null;
  occurredOn: string | null;
  locationPlace: string | null;
  employerOrAgency: string | null;
  locale: string;
  anonymous: boolean;
  closedReason: string | null;
  consent: { version: string; by: string };
  stages: Array<{ stage: string; at: string; publicNote: string | null; internalNote: string | null }>;
}
interface AuditEntry {
  seq: number;
  at: string;
  operatorId: string | null;
  action: string;
  ticket: string | null;
  detail: unknown;
}

const NEXT: Record<string, string[]> = {
  received: ['verified', 'in-handling', 'resolved', 'closed'],
  verified: ['in-handling', 'resolved', 'closed'],
  'in-handling': ['resolved', 'closed'],
};

class DeskError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(path, { ...init, credentials: 'same-origin', headers: { 'Content-Type': 'application/json', ...init.headers } });
  if (!response.ok) {
    const body = (await response.json().catch(() => undefined)) as { error?: { message?: string } } | undefined;
    throw new DeskError(response.status, body?.error?.message ?? response.statusText);
  }
  return response.json() as Promise<T>;
}

export class LindungiDesk extends LitElement {
  static override properties = {
    operator: { state: true },
    view: { state: true },
    reports: { state: true },
    next: { state: true },
    report: { state: true },
    contact: { state: true },
    audit: { state: true },
    message: { state: true },
    busy: { state: true },
    ready: { state: true },
    language: { state: true },
    filters: { state: true },
    categories: { state: true },
  };

  static override styles = css`
    :host {
      display: block;
      max-inline-size: 72rem;
      margin: 0 auto;
      padding: 1rem;
      font-family: system-ui, sans-serif;
      line-height: 1.5;
      color: light-dark(#1c1f23, #eceef0);
    }
    header {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: center;
      justify-content: space-between;
      border-block-end: 1px solid #8a939c;
      margin-block-end: 1rem;
    }
    h1 {
      font-size: 1.375rem;
      margin: 0.5rem 0;
    }
    h2 {
      font-size: 1.25rem;
    }
    button,
    input,
    select,
    textarea {
      font: inherit;
    }
    button {
      min-block-size: 44px;
      padding-inline: 0.875rem;
      border: 1px solid #5d656e;
      border-radius: 0.375rem;
      background: light-dark(#fff, #1b1f24);
      color: inherit;
      cursor: pointer;
    }
    button.primary {
      background: #0b5cad;
      border-color: #0b5cad;
      color: #fff;
    }
    button.link {
      border-color: transparent;
      background: none;
      color: light-dark(#0b5cad, #8cc4ff);
      text-decoration: underline;
      padding-inline: 0.25rem;
    }
    :focus-visible {
      outline: 3px solid light-dark(#0b5cad, #8cc4ff);
      outline-offset: 2px;
    }
    label {
      display: block;
      font-weight: 700;
      margin-block-start: 0.75rem;
    }
    .row label {
      margin-block-start: 0;
    }
    input:not([type='checkbox']),
    select,
    textarea {
      display: block;
      inline-size: 100%;
      max-inline-size: 36rem;
      min-block-size: 44px;
      padding: 0.375rem;
      border: 2px solid currentColor;
      border-radius: 0.25rem;
      background: transparent;
      color: inherit;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 1rem;
      align-items: end;
      margin-block-end: 1rem;
    }
    .check {
      display: flex;
      gap: 0.5rem;
      align-items: center;
      font-weight: 400;
    }
    table {
      border-collapse: collapse;
      inline-size: 100%;
    }
    th,
    td {
      text-align: start;
      padding: 0.5rem;
      border-block-end: 1px solid #8a939c;
      vertical-align: top;
    }
    .danger {
      font-weight: 700;
      color: light-dark(#a4161a, #ff9a9e);
    }
    .message {
      padding: 0.75rem;
      border: 1px solid #5d656e;
      border-inline-start: 4px solid #0b5cad;
      margin-block: 1rem;
    }
    .message.error {
      border-inline-start-color: #a4161a;
    }
    dl {
      display: grid;
      grid-template-columns: minmax(8rem, 14rem) 1fr;
      gap: 0.25rem 1rem;
    }
    dt {
      font-weight: 700;
    }
    dd {
      margin: 0;
      white-space: pre-wrap;
    }
    section {
      margin-block: 1.5rem;
    }
    .visually-hidden {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  `;

  private operator?: Operator;
  private view: 'list' | 'report' | 'audit' = 'list';
  private reports: Summary[] = [];
  private next?: string;
  private report?: Report;
  private contact?: { anonymous: boolean; contact: Record<string, string> | null };
  private audit: AuditEntry[] = [];
  private message?: { text: string; error?: boolean };
  private busy = false;
  private ready = false;
  private language = document.documentElement.lang === 'en' ? 'en' : 'id';
  private filters = { status: '', inDanger: false, dangerFirst: true };
  private categories: Record<string, Record<string, string>> = {};

  override connectedCallback(): void {
    super.connectedCallback();
    void this.start();
  }

  private async start(): Promise<void> {
    await setLocale(this.language);
    try {
      this.operator = await api<Operator>('/v1/desk/me');
      await this.loadList();
    } catch {
      this.operator = undefined;
    }
    this.ready = true;
  }

  private async switchLanguage(language: string): Promise<void> {
    this.language = language;
    document.documentElement.lang = language;
    await setLocale(language);
    this.requestUpdate();
  }

  private fail(error: unknown): void {
    if (error instanceof DeskError && error.status === 401) {
      this.operator = undefined;
      this.message = { text: msg('Your session has ended. Sign in again.', { id: 'desk-session-ended' }), error: true };
      return;
    }
    this.message = { text: error instanceof Error ? error.message : String(error), error: true };
  }

  private async signIn(event: Event): Promise<void> {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#token')!;
    this.busy = true;
    try {
      const { operator } = await api<{ operator: Operator }>('/v1/desk/session', { method: 'POST', body: JSON.stringify({ token: input.value.trim() }) });
      input.value = '';
      this.operator = operator;
      this.message = undefined;
      await this.loadList();
    } catch (error) {
      this.message = {
        text:
          error instanceof DeskError && error.status === 429
            ? msg('Too many failed attempts. Wait a minute and try again.', { id: 'desk-too-many' })
            : msg('This token was not accepted.', { id: 'desk-bad-token' }),
        error: true,
      };
    } finally {
      this.busy = false;
    }
  }

  private async signOut(): Promise<void> {
    await api('/v1/desk/session', { method: 'DELETE' }).catch(() => undefined);
    this.operator = undefined;
    this.report = undefined;
    this.contact = undefined;
    this.message = { text: msg('You are signed out.', { id: 'desk-signed-out' }) };
  }

  private async loadList(more = false): Promise<void> {
    const params = new URLSearchParams({ limit: '50' });
    if (this.filters.status) params.set('status', this.filters.status);
    if (this.filters.inDanger) params.set('inDanger', 'true');
    if (this.filters.dangerFirst) params.set('dangerFirst', 'true');
    if (more && this.next) params.set('cursor', this.next);
    try {
      if (!Object.keys(this.categories).length) {
        const pack = await api<{ reportCategories: Array<{ id: string; label: Record<string, string> }> }>('/v1/content/ID-KH');
        this.categories = Object.fromEntries(pack.reportCategories.map((c) => [c.id, c.label]));
      }
      const page = await api<{ reports: Summary[]; next?: string }>(`/v1/desk/reports?${params}`);
      this.reports = more ? [...this.reports, ...page.reports] : page.reports;
      this.next = page.next;
      this.view = 'list';
    } catch (error) {
      this.fail(error);
    }
  }

  private async open(ticket: string): Promise<void> {
    try {
      this.report = await api<Report>(`/v1/desk/reports/${ticket}`);
      this.contact = undefined;
      this.message = undefined;
      this.view = 'report';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#report-title')?.focus();
    } catch (error) {
      this.fail(error);
    }
  }

  private async reveal(): Promise<void> {
    try {
      this.contact = await api(`/v1/desk/reports/${this.report!.ticket}/reveal`, { method: 'POST' });
    } catch (error) {
      this.fail(error);
    }
  }

  private async changeStatus(event: Event): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const body = Object.fromEntries([...data.entries()].filter(([, value]) => String(value).trim() !== ''));
    try {
      await api(`/v1/desk/reports/${this.report!.ticket}/status`, { method: 'POST', body: JSON.stringify(body) });
      this.message = { text: msg('The status was changed.', { id: 'desk-status-changed' }) };
      await this.open(this.report!.ticket);
      this.message = { text: msg('The status was changed.', { id: 'desk-status-changed' }) };
    } catch (error) {
      this.fail(error);
    }
  }

  private async showAudit(): Promise<void> {
    try {
      this.audit = (await api<{ entries: AuditEntry[] }>('/v1/desk/audit?limit=1000')).entries.reverse();
      this.view = 'audit';
    } catch (error) {
      this.fail(error);
    }
  }

  private statusName(status: string): string {
    const names: Record<string, string> = {
      received: msg('Received', { id: 'desk-received' }),
      verified: msg('Verified', { id: 'desk-verified' }),
      'in-handling': msg('In handling', { id: 'desk-in-handling' }),
      resolved: msg('Resolved', { id: 'desk-resolved' }),
      closed: msg('Closed', { id: 'desk-closed' }),
      withdrawn: msg('Withdrawn by the reporter', { id: 'desk-withdrawn' }),
    };
    return names[status] ?? status;
  }

  private contactField(key: string): string {
    const names: Record<string, string> = {
      name: msg('Name', { id: 'desk-name' }),
      method: msg('How', { id: 'desk-method' }),
      value: msg('Number or address', { id: 'desk-value' }),
    };
    return names[key] ?? key;
  }

  private method(method: string): string {
    return method === 'phone' ? msg('Phone call', { id: 'desk-phone' }) : method === 'email' ? msg('Email', { id: 'desk-email' }) : method === 'whatsapp' ? 'WhatsApp' : method;
  }

  private country(code: string): string {
    return new Intl.DisplayNames([this.language], { type: 'region' }).of(code) ?? code;
  }

  private category(id: string): string {
    const label = this.categories[id];
    return label?.[this.language] ?? label?.en ?? id;
  }

  private date(iso: string): string {
    return new Intl.DateTimeFormat(this.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  }

  override render(): TemplateResult {
    return html`<header>
        <h1>${msg('Lindungi case desk', { id: 'desk-title' })}</h1>
        <nav aria-label=${msg('Language', { id: 'desk-language' })}>
          <button type="button" class="link" aria-pressed=${this.language === 'id'} @click=${() => void this.switchLanguage('id')} lang="id">Bahasa Indonesia</button>
          <button type="button" class="link" aria-pressed=${this.language === 'en'} @click=${() => void this.switchLanguage('en')} lang="en">English</button>
        </nav>
        ${this.operator
          ? html`<p>
              ${msg(str`Signed in as ${this.operator.name} (${this.operator.role})`, { id: 'desk-signed-in-as' })}
              <button type="button" @click=${() => void this.signOut()}>${msg('Sign out', { id: 'desk-sign-out' })}</button>
            </p>`
          : nothing}
      </header>
      <main>
        <div role="status" aria-live="polite">${this.message ? html`<p class="message ${this.message.error ? 'error' : ''}">${this.message.text}</p>` : nothing}</div>
        ${!this.ready ? html`<p>${msg('Loading…', { id: 'desk-loading' })}</p>` : !this.operator ? this.renderSignIn() : this.view === 'report' ? this.renderReport() : this.view === 'audit' ? this.renderAudit() : this.renderList()}
      </main>`;
  }

  private renderSignIn(): TemplateResult {
    return html`<form @submit=${(e: Event) => void this.signIn(e)}>
      <h2>${msg('Sign in', { id: 'desk-sign-in' })}</h2>
      <label for="token">${msg('Your operator token', { id: 'desk-token' })}</label>
      <p id="token-hint">${msg('The token you were given when your access was created. It is not stored in this browser.', { id: 'desk-token-hint' })}</p>
      <input id="token" type="password" autocomplete="off" required aria-describedby="token-hint" />
      <p><button class="primary" ?disabled=${this.busy}>${msg('Sign in', { id: 'desk-sign-in' })}</button></p>
    </form>`;
  }

  private renderList(): TemplateResult {
    const set = (patch: Partial<typeof this.filters>) => {
      this.filters = { ...this.filters, ...patch };
      void this.loadList();
    };
    return html`<h2>${msg('Reports', { id: 'desk-reports' })}</h2>
      <div class="row">
        <div>
          <label for="status">${msg('Status', { id: 'desk-status' })}</label>
          <select id="status" @change=${(e: Event) => set({ status: (e.target as HTMLSelectElement).value })}>
            <option value="">${msg('Any', { id: 'desk-any' })}</option>
            ${['received', 'verified', 'in-handling', 'resolved', 'closed', 'withdrawn'].map(
              (s) => html`<option value=${s} ?selected=${this.filters.status === s}>${this.statusName(s)}</option>`,
            )}
          </select>
        </div>
        <label class="check"
          ><input type="checkbox" .checked=${this.filters.inDanger} @change=${(e: Event) => set({ inDanger: (e.target as HTMLInputElement).checked })} />
          ${msg('Only reports in danger', { id: 'desk-only-danger' })}</label
        >
        <label class="check"
          ><input type="checkbox" .checked=${this.filters.dangerFirst} @change=${(e: Event) => set({ dangerFirst: (e.target as HTMLInputElement).checked })} />
          ${msg('In danger first', { id: 'desk-danger-first' })}</label
        >
        ${this.operator!.role === 'admin' ? html`<button type="button" @click=${() => void this.showAudit()}>${msg('Audit log', { id: 'desk-audit' })}</button>` : nothing}
      </div>
      ${this.reports.length
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
              ${this.reports.map(
                (r) => html`<tr>
                  <td><button type="button" class="link" @click=${() => void this.open(r.ticket)}>${r.ticket}</button></td>
                  <td>${this.date(r.receivedAt)}</td>
                  <td>${this.category(r.category)}</td>
                  <td>${r.inDanger ? html`<span class="danger">${msg('In danger', { id: 'desk-in-danger' })}</span>` : msg('No', { id: 'desk-no' })}</td>
                  <td>${this.statusName(r.status)}</td>
                </tr>`,
              )}
            </tbody>
          </table>`
        : html`<p>${msg('No reports match.', { id: 'desk-none' })}</p>`}
      ${this.next ? html`<p><button type="button" @click=${() => void this.loadList(true)}>${msg('Show more', { id: 'desk-more' })}</button></p>` : nothing}`;
  }

  private renderReport(): TemplateResult {
    const r = this.report!;
    const canHandle = this.operator!.role !== 'viewer';
    const next = NEXT[r.status] ?? [];
    const none = msg('Not given', { id: 'desk-not-given' });
    return html`<p><button type="button" class="link" @click=${() => void this.loadList()}>${msg('Back to the reports', { id: 'desk-back' })}</button></p>
      <h2 id="report-title" tabindex="-1">${msg(str`Report ${r.ticket}`, { id: 'desk-report' })}</h2>
      ${r.inDanger ? html`<p class="danger">${msg('The reporter said they are in danger.', { id: 'desk-said-danger' })}</p>` : nothing}
      <dl>
        <dt>${msg('Status', { id: 'desk-status' })}</dt>
        <dd>${this.statusName(r.status)}${r.closedReason ? ` — ${r.closedReason}` : ''}</dd>
        <dt>${msg('Category', { id: 'desk-category' })}</dt>
        <dd>${this.category(r.category)}</dd>
        <dt>${msg('What happened', { id: 'desk-description' })}</dt>
        <dd lang=${r.locale}>${r.description ?? msg('Removed (withdrawn or past retention)', { id: 'desk-removed' })}</dd>
        <dt>${msg('When', { id: 'desk-when' })}</dt>
        <dd>${r.occurredOn ?? none}</dd>
        <dt>${msg('Where', { id: 'desk-where' })}</dt>
        <dd>${[r.locationCountry ? this.country(r.locationCountry) : '', r.locationPlace ?? ''].filter(Boolean).join(', ') || none}</dd>
        <dt>${msg('Employer or agency', { id: 'desk-employer' })}</dt>
        <dd>${r.employerOrAgency ?? none}</dd>
        <dt>${msg('Received', { id: 'desk-received' })}</dt>
        <dd>${this.date(r.receivedAt)}</dd>
        <dt>${msg('Consent', { id: 'desk-consent' })}</dt>
        <dd>${r.consent.by === 'guardian' ? msg(str`By a parent or guardian (text ${r.consent.version})`, { id: 'desk-consent-guardian' }) : msg(str`By the reporter (text ${r.consent.version})`, { id: 'desk-consent-reporter' })}</dd>
      </dl>
      <section aria-labelledby="contact-title">
        <h3 id="contact-title">${msg('Contact details', { id: 'desk-contact' })}</h3>
        ${r.anonymous
          ? html`<p>${msg('The reporter chose to stay anonymous.', { id: 'desk-anonymous' })}</p>`
          : this.contact
            ? this.contact.contact
              ? html`<dl part="contact">
                  ${Object.entries(this.contact.contact).map(([k, v]) => html`<dt>${this.contactField(k)}</dt><dd>${k === 'method' ? this.method(v) : v}</dd>`)}
                </dl>`
              : html`<p>${msg('Removed (withdrawn or past retention)', { id: 'desk-removed' })}</p>`
            : canHandle
              ? html`<p>${msg('Hidden. Revealing them is recorded in the audit log with your name.', { id: 'desk-hidden' })}</p>
                  <button type="button" @click=${() => void this.reveal()}>${msg('Reveal contact details', { id: 'desk-reveal' })}</button>`
              : html`<p>${msg('Only handlers can reveal contact details.', { id: 'desk-handlers-only' })}</p>`}
      </section>
      <section aria-labelledby="stages-title">
        <h3 id="stages-title">${msg('Stages', { id: 'desk-stages' })}</h3>
        <ol>
          ${r.stages.map(
            (s) => html`<li>
              <strong>${this.statusName(s.stage)}</strong>, ${this.date(s.at)}${s.publicNote ? html`<br />${msg('To the reporter:', { id: 'desk-public' })} ${s.publicNote}` : nothing}${s.internalNote
                ? html`<br />${msg('Internal:', { id: 'desk-internal' })} ${s.internalNote}`
                : nothing}
            </li>`,
          )}
        </ol>
      </section>
      ${canHandle && next.length
        ? html`<form @submit=${(e: Event) => void this.changeStatus(e)}>
            <h3>${msg('Change the status', { id: 'desk-change' })}</h3>
            <label for="new-status">${msg('New status', { id: 'desk-new-status' })}</label>
            <select id="new-status" name="status">
              ${next.map((s) => html`<option value=${s}>${this.statusName(s)}</option>`)}
            </select>
            <label for="public-note">${msg('Note to the reporter (optional)', { id: 'desk-public-note' })}</label>
            <p id="public-hint">${msg('Shown with the ticket on the reporter’s status page. Never write anything personal here.', { id: 'desk-public-hint' })}</p>
            <textarea id="public-note" name="publicNote" maxlength="500" aria-describedby="public-hint"></textarea>
            <label for="internal-note">${msg('Internal note (optional)', { id: 'desk-internal-note' })}</label>
            <textarea id="internal-note" name="internalNote" maxlength="2000"></textarea>
            <label for="reason">${msg('Reason, when closing', { id: 'desk-reason' })}</label>
            <input id="reason" name="reason" maxlength="200" autocomplete="off" />
            <p><button class="primary">${msg('Change the status', { id: 'desk-change' })}</button></p>
          </form>`
        : nothing}`;
  }

  private renderAudit(): TemplateResult {
    return html`<p><button type="button" class="link" @click=${() => void this.loadList()}>${msg('Back to the reports', { id: 'desk-back' })}</button></p>
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
          ${this.audit.map(
            (e) => html`<tr>
              <td>${this.date(e.at)}</td>
              <td>${e.operatorId ?? msg('Reporter or server', { id: 'desk-system' })}</td>
              <td>${e.action}</td>
              <td>${e.ticket ?? ''}</td>
              <td>${e.detail ? JSON.stringify(e.detail) : ''}</td>
            </tr>`,
          )}
        </tbody>
      </table>`;
  }
}

customElements.define('lindungi-desk', LindungiDesk);
