/**
 * The case desk page: caseworkers sign in with their token (exchanged for a session cookie), see
 * the reports (in danger first), open one, reveal its contact details (on the audit log), move it
 * along its stages with a note the reporter sees, and — for admins — read the audit log.
 * Same-origin with the API; every request goes through `api()`.
 */
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
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
  operatorName?: string | null;
  action: string;
  ticket: string | null;
  detail: unknown;
}

const NEXT: Record<string, string[]> = {
  received: ['verified', 'in-handling', 'resolved', 'closed'],
  verified: ['in-handling', 'resolved', 'closed'],
  'in-handling': ['resolved', 'closed'],
};

/** The desk's language is kept on its own origin (nothing personal): the caseworker's choice, not the browser's. */
const LANGUAGE_KEY = 'lindungi-desk-language';
const storedLanguage = (): string | undefined => {
  try {
    const value = localStorage.getItem(LANGUAGE_KEY);
    return value === 'id' || value === 'en' ? value : undefined;
  } catch {
    return undefined;
  }
};

/** Where the desk is: each report and the audit log have an address of their own (`#/reports/LDG-…`, `#/audit`). */
type Route = { view: 'list' } | { view: 'report'; ticket: string } | { view: 'audit' };
function routeOf(hash: string): Route {
  const report = /^#\/reports\/(LDG-[0-9A-Z]{4}-[0-9A-Z]{4})$/i.exec(hash);
  if (report) return { view: 'report', ticket: report[1]!.toUpperCase() };
  return hash === '#/audit' ? { view: 'audit' } : { view: 'list' };
}

class DeskError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  // Nothing the desk reads is kept in the browser's cache: it is all case data.
  const response = await fetch(path, { ...init, credentials: 'same-origin', cache: 'no-store', headers: { 'Content-Type': 'application/json', ...init.headers } });
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
    a {
      color: light-dark(#0b5cad, #8cc4ff);
    }
    a.button {
      display: inline-flex;
      align-items: center;
      min-block-size: 44px;
      padding-inline: 0.875rem;
      border: 1px solid #5d656e;
      border-radius: 0.375rem;
      color: inherit;
      text-decoration: none;
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
  private language = storedLanguage() ?? (document.documentElement.lang === 'en' ? 'en' : 'id');
  private filters = { status: '', inDanger: false, dangerFirst: true };
  private categories: Record<string, Record<string, string>> = {};

  private readonly onHashChange = () => void this.follow(routeOf(location.hash));

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('hashchange', this.onHashChange);
    void this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.onHashChange);
  }

  private async start(): Promise<void> {
    document.documentElement.lang = this.language;
    await setLocale(this.language);
    try {
      this.operator = await api<Operator>('/v1/desk/me');
      await this.follow(routeOf(location.hash));
    } catch {
      this.operator = undefined;
    }
    this.ready = true;
  }

  /** Show what the address names; an old message does not follow the caseworker to another page. */
  private async follow(route: Route): Promise<void> {
    if (!this.operator) return;
    const staying = route.view === 'report' && this.view === 'report' && this.report?.ticket === route.ticket;
    if (!staying) this.message = undefined;
    if (route.view === 'report') await this.open(route.ticket);
    else if (route.view === 'audit') await this.showAudit();
    else await this.loadList();
  }

  private async switchLanguage(language: string): Promise<void> {
    this.language = language;
    document.documentElement.lang = language;
    try {
      localStorage.setItem(LANGUAGE_KEY, language);
    } catch {
      /* storage refused: the choice lasts for this page */
    }
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
      await this.follow(routeOf(location.hash));
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
      const report = await api<Report>(`/v1/desk/reports/${ticket}`);
      // Revealed contact details stay shown until the caseworker leaves the report (one reveal, one audit entry).
      if (this.report?.ticket !== ticket || this.view !== 'report' || report.status === 'withdrawn') this.contact = undefined;
      this.report = report;
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
      const from = this.report!.status;
      await api(`/v1/desk/reports/${this.report!.ticket}/status`, { method: 'POST', body: JSON.stringify(body) });
      // Nothing of this change is left in the form for the next one: no note, no status chosen.
      form.reset();
      await this.open(this.report!.ticket);
      this.message = { text: msg(str`The status was changed from ${this.statusName(from)} to ${this.statusName(String(body.status))}.`, { id: 'desk-status-changed-from-to' }) };
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

  private languageName(code: string): string {
    return new Intl.DisplayNames([this.language], { type: 'language' }).of(code) ?? code;
  }

  /** A calendar date ('YYYY-MM-DD') in the reader's language. */
  private day(isoDate: string): string {
    return new Intl.DateTimeFormat(this.language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
  }

  private actionName(action: string, detail?: unknown): string {
    if (action === 'sign-in') {
      const outcome = (detail as { outcome?: string } | null)?.outcome;
      return outcome === 'success'
        ? msg('Signed in', { id: 'desk-action-sign-in' })
        : outcome === 'locked'
          ? msg('Locked out after too many failed sign-ins', { id: 'desk-action-sign-in-locked' })
          : msg('Sign-in failed', { id: 'desk-action-sign-in-failed' });
    }
    const names: Record<string, string> = {
      read: msg('Read the report', { id: 'desk-action-read' }),
      reveal: msg('Revealed the contact details', { id: 'desk-action-reveal' }),
      status: msg('Changed the status', { id: 'desk-action-status' }),
      export: msg('Exported the reports', { id: 'desk-action-export' }),
      withdraw: msg('Withdrew the report', { id: 'desk-action-withdraw' }),
      purge: msg('Deleted personal data after the retention period', { id: 'desk-action-purge' }),
      'operator-add': msg('Created an operator', { id: 'desk-action-operator-add' }),
      'operator-revoke': msg('Revoked an operator', { id: 'desk-action-operator-revoke' }),
      'rotate-key': msg('Re-encrypted the data with a new key', { id: 'desk-action-rotate-key' }),
      'audit-read': msg('Read the audit log', { id: 'desk-action-audit-read' }),
    };
    return names[action] ?? action;
  }

  /** Who did it: an operator by name; otherwise the reporter, the server or the command line, by what was done. */
  private actor(e: AuditEntry): string {
    if (e.operatorId) return e.operatorName ?? e.operatorId;
    if (e.action === 'sign-in') return msg('Unknown (no valid token)', { id: 'desk-actor-unknown' });
    if (e.action === 'withdraw') return msg('The reporter', { id: 'desk-actor-reporter' });
    if (e.action === 'purge') return msg('The server (retention)', { id: 'desk-actor-server' });
    return msg('Command line (desk command)', { id: 'desk-actor-cli' });
  }

  /** The details as a sentence, never as JSON. */
  private detailText(e: AuditEntry): string {
    const d = (e.detail ?? {}) as Record<string, unknown>;
    switch (e.action) {
      case 'status':
        return msg(str`Status ${this.statusName(String(d.from))} → ${this.statusName(String(d.to))}`, { id: 'desk-detail-status' });
      case 'reveal':
        return Array.isArray(d.fields) && d.fields.length
          ? msg(str`Fields shown: ${new Intl.ListFormat(this.language, { type: 'unit' }).format(d.fields.map((f) => this.contactField(String(f))))}`, { id: 'desk-detail-reveal' })
          : msg('Nothing left to show', { id: 'desk-detail-reveal-none' });
      case 'export':
        return d.contact
          ? msg(str`${String(d.reports)} reports, with contact details`, { id: 'desk-detail-export-contact' })
          : msg(str`${String(d.reports)} reports, without contact details`, { id: 'desk-detail-export' });
      case 'purge':
        return msg(str`Kept ${String(d.retentionDays)} days`, { id: 'desk-detail-purge' });
      case 'operator-add':
        return msg(str`Operator ${String(d.id)}, role ${String(d.role)}`, { id: 'desk-detail-operator-add' });
      case 'operator-revoke':
        return msg(str`Operator ${String(d.id)}`, { id: 'desk-detail-operator-revoke' });
      case 'rotate-key':
        return msg(str`${String(d.values)} values`, { id: 'desk-detail-rotate-key' });
      case 'sign-in':
        return msg(str`From address ${String(d.address)} (kept as a code)`, { id: 'desk-detail-sign-in-address' });
      default:
        return '';
    }
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
        ${this.operator!.role === 'admin' ? html`<a class="button" href="#/audit">${msg('Audit log', { id: 'desk-audit' })}</a>` : nothing}
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
                  <td><a href=${`#/reports/${r.ticket}`}>${r.ticket}</a></td>
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
    const reads = this.languageName(r.locale);
    return html`<p><a href="#/">${msg('Back to the reports', { id: 'desk-back' })}</a></p>
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
        <dd>${r.occurredOn === 'unknown' ? msg('The reporter does not know', { id: 'desk-when-unknown' }) : r.occurredOn ? this.day(r.occurredOn) : none}</dd>
        <dt>${msg('Where', { id: 'desk-where' })}</dt>
        <dd>${[r.locationCountry ? this.country(r.locationCountry) : '', r.locationPlace ?? ''].filter(Boolean).join(', ') || none}</dd>
        <dt>${msg('Employer or agency', { id: 'desk-employer' })}</dt>
        <dd>${r.employerOrAgency ?? none}</dd>
        <dt>${msg('Received', { id: 'desk-received' })}</dt>
        <dd>${this.date(r.receivedAt)}</dd>
        <dt>${msg('Reporter’s language', { id: 'desk-reporter-language' })}</dt>
        <dd>${reads}</dd>
        <dt>${msg('Consent', { id: 'desk-consent' })}</dt>
        <dd>${r.consent.by === 'guardian' ? msg(str`By a parent or guardian (text ${r.consent.version})`, { id: 'desk-consent-guardian' }) : msg(str`By the reporter (text ${r.consent.version})`, { id: 'desk-consent-reporter' })}</dd>
      </dl>
      <section aria-labelledby="contact-title">
        <h3 id="contact-title">${msg('Contact details', { id: 'desk-contact' })}</h3>
        ${r.anonymous
          ? html`<p>${msg('The reporter chose to stay anonymous.', { id: 'desk-anonymous' })}</p>`
          : r.status === 'withdrawn'
            ? html`<p>${msg('Contact details deleted: the reporter withdrew the report.', { id: 'desk-contact-deleted' })}</p>`
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
        ? keyed(
            `${r.ticket} ${r.status}`,
            html`<form @submit=${(e: Event) => void this.changeStatus(e)}>
            <h3>${msg('Change the status', { id: 'desk-change' })}</h3>
            <label for="new-status">${msg('New status', { id: 'desk-new-status' })}</label>
            <select id="new-status" name="status" required>
              <option value="" selected disabled>${msg('Choose a status', { id: 'desk-choose-status' })}</option>
              ${next.map((s) => html`<option value=${s}>${this.statusName(s)}</option>`)}
            </select>
            <label for="public-note">${msg('Note to the reporter (optional)', { id: 'desk-public-note' })}</label>
            <p id="public-hint">${msg('Shown with the ticket on the reporter’s status page. Never write anything personal here.', { id: 'desk-public-hint' })}</p>
            <p id="public-language">${msg(str`The reporter reads ${reads}; the note is shown as you write it.`, { id: 'desk-reporter-reads' })}</p>
            <textarea id="public-note" name="publicNote" maxlength="500" aria-describedby="public-hint public-language"></textarea>
            <label for="internal-note">${msg('Internal note (optional)', { id: 'desk-internal-note' })}</label>
            <textarea id="internal-note" name="internalNote" maxlength="2000"></textarea>
            <label for="reason">${msg('Reason, when closing', { id: 'desk-reason' })}</label>
            <input id="reason" name="reason" maxlength="200" autocomplete="off" />
            <p><button class="primary">${msg('Change the status', { id: 'desk-change' })}</button></p>
          </form>`,
          )
        : nothing}`;
  }

  private renderAudit(): TemplateResult {
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
          ${this.audit.map(
            (e) => html`<tr>
              <td>${this.date(e.at)}</td>
              <td>${this.actor(e)}</td>
              <td>${this.actionName(e.action, e.detail)}</td>
              <td>${e.ticket ? html`<a href=${`#/reports/${e.ticket}`}>${e.ticket}</a>` : ''}</td>
              <td>${this.detailText(e)}</td>
            </tr>`,
          )}
        </tbody>
      </table>`;
  }
}

customElements.define('lindungi-desk', LindungiDesk);
