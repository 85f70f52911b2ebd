/**
 * The case desk page: caseworkers sign in with their token (exchanged for a session cookie), see
 * the reports (in danger first), open one, reveal its contact details (on the audit log), move it
 * along its stages with a note the reporter sees, and — for admins — read the audit log.
 * Same-origin with the API; every request goes through `api()`.
 */
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { configureLocalization, msg, str } from '@lit/localize';
import type { DeskAuditEntry, DeskOperator, DeskReport, DeskReportSummary } from '../src/sdk/desk-schema.js';
import { api, DeskError, LANGUAGE_KEY, routeOf, storedLanguage, type Route } from './client.js';
import { sourceLocale, targetLocales } from './generated/locale-codes.js';
import { deskStyles } from './styles.js';
import { renderAudit, renderList, renderReport, renderSignIn, type DeskView } from './views.js';
import { DeskWords } from './words.js';

const { setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: () => import('./generated/locales/id.js'),
});

export class LindungiDesk extends LitElement implements DeskView {
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

  static override styles = deskStyles;

  operator?: DeskOperator | undefined;
  view: 'list' | 'report' | 'audit' = 'list';
  reports: DeskReportSummary[] = [];
  next?: string | undefined;
  report?: DeskReport | undefined;
  contact?: { anonymous: boolean; contact: Record<string, string> | null } | undefined;
  audit: DeskAuditEntry[] = [];
  private message?: { text: string; error?: boolean } | undefined;
  busy = false;
  private ready = false;
  private language = storedLanguage() ?? (document.documentElement.lang === 'en' ? 'en' : 'id');
  filters = { status: '', inDanger: false, dangerFirst: true };
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
      this.operator = await api<DeskOperator>('/v1/desk/me');
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

  async signIn(event: Event): Promise<void> {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#token')!;
    this.busy = true;
    try {
      const { operator } = await api<{ operator: DeskOperator }>('/v1/desk/session', { method: 'POST', body: JSON.stringify({ token: input.value.trim() }) });
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

  async loadList(more = false): Promise<void> {
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
      const page = await api<{ reports: DeskReportSummary[]; next?: string }>(`/v1/desk/reports?${params}`);
      this.reports = more ? [...this.reports, ...page.reports] : page.reports;
      this.next = page.next;
      this.view = 'list';
    } catch (error) {
      this.fail(error);
    }
  }

  private async open(ticket: string): Promise<void> {
    try {
      const report = await api<DeskReport>(`/v1/desk/reports/${ticket}`);
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

  async reveal(): Promise<void> {
    try {
      this.contact = await api(`/v1/desk/reports/${this.report!.ticket}/reveal`, { method: 'POST' });
    } catch (error) {
      this.fail(error);
    }
  }

  async changeStatus(event: Event): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const body = Object.fromEntries([...data.entries()].flatMap(([name, value]) => (typeof value === 'string' && value.trim() !== '' ? [[name, value]] : [])));
    try {
      const from = this.report!.status;
      await api(`/v1/desk/reports/${this.report!.ticket}/status`, { method: 'POST', body: JSON.stringify(body) });
      // Nothing of this change is left in the form for the next one: no note, no status chosen.
      form.reset();
      await this.open(this.report!.ticket);
      this.message = {
        text: msg(str`The status was changed from ${this.words.statusName(from)} to ${this.words.statusName(String(body.status ?? ''))}.`, {
          id: 'desk-status-changed-from-to',
        }),
      };
    } catch (error) {
      this.fail(error);
    }
  }

  private async showAudit(): Promise<void> {
    try {
      this.audit = (await api<{ entries: DeskAuditEntry[] }>('/v1/desk/audit?limit=1000')).entries.reverse();
      this.view = 'audit';
    } catch (error) {
      this.fail(error);
    }
  }

  get words(): DeskWords {
    return new DeskWords(this.language, this.categories);
  }

  override render(): TemplateResult {
    return html`<header>
        <h1>${msg('Lindungi case desk', { id: 'desk-title' })}</h1>
        <nav aria-label=${msg('Language', { id: 'desk-language' })}>
          <button type="button" class="link" aria-pressed=${this.language === 'id'} @click=${() => void this.switchLanguage('id')} lang="id">Bahasa Indonesia</button>
          <button type="button" class="link" aria-pressed=${this.language === 'en'} @click=${() => void this.switchLanguage('en')} lang="en">English</button>
        </nav>
        ${
          this.operator
            ? html`<p>
              ${msg(str`Signed in as ${this.operator.name} (${this.operator.role})`, { id: 'desk-signed-in-as' })}
              <button type="button" @click=${() => void this.signOut()}>${msg('Sign out', { id: 'desk-sign-out' })}</button>
            </p>`
            : nothing
        }
      </header>
      <main>
        <div role="status" aria-live="polite">${this.message ? html`<p class="message ${this.message.error ? 'error' : ''}">${this.message.text}</p>` : nothing}</div>
        ${!this.ready ? html`<p>${msg('Loading…', { id: 'desk-loading' })}</p>` : !this.operator ? renderSignIn(this) : this.view === 'report' ? renderReport(this) : this.view === 'audit' ? renderAudit(this) : renderList(this)}
      </main>`;
  }
}

customElements.define('lindungi-desk', LindungiDesk);
