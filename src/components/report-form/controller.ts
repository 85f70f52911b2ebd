/**
 * The report form's state and behaviour: the reader's answers and the step, the draft kept on the
 * device, validation, handing the report to the SDK's outbox and following it until it has a
 * ticket, erasing and withdrawing. The element itself is a small shell (heading, "Exit now");
 * this controller is loaded in parallel with the content, so the entry stays small.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { msg, str } from '../../internal/msg.js';
import { formatDateTime } from '../../internal/format.js';
import { renderSafetyTips } from '../../internal/notes.js';
import * as icons from '../../internal/icons.js';
import type { LindungiClient } from '../../sdk/client.js';
import { LindungiApiError, LindungiError } from '../../sdk/errors.js';
import type { OutboxChangeEvent } from '../../sdk/outbox.js';
import type { Operator } from '../../sdk/report-schema.js';
import type { ContentPack, Text } from '../../sdk/schema.js';
import { emptyAnswers, hasAnswers, parseStoredAnswers, STEP_FIELDS, STEPS, toDraft, type Answers, type Step } from './answers.js';
import { LindungiInvalidEvent, LindungiQueuedEvent, LindungiSubmittedEvent } from './events.js';
import { question, radios, type Confirming, type FormView, type Outcome, type Problems } from './fields.js';
import { dropRescue, keepRescue, readRescue } from './rescue.js';
import * as steps from './steps.js';
import { stepStyles } from './steps.styles.js';
import type { Problem } from './validation.js';

const SAVE_DELAY_MS = 400;

/** What the element lends the controller: its content, locale and the shared widget helpers. */
export interface FormHost extends ReactiveControllerHost, EventTarget {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly corridor: string;
  readonly api?: string;
  readonly client?: FormView['client'];
  readonly hooks: {
    pack(): ContentPack | undefined;
    locale(): string;
    client(): LindungiClient;
    level(depth?: number): number;
    text(value: Text | undefined): TemplateResult;
    heading(level: number, text: string, part: string): TemplateResult;
    hotline(pack: ContentPack): TemplateResult;
    localized<T>(fn: () => T): T;
    warn(message: string): void;
  };
}

type State = Pick<
  ReportFormController,
  'step' | 'answers' | 'problems' | 'restoredAt' | 'operator' | 'operatorState' | 'outcome' | 'confirming' | 'busy' | 'notice' | 'ready' | 'countAnnouncement'
>;

export class ReportFormController implements ReactiveController, FormView {
  /** The styles of every step, added to the element's own once the controller is here. */
  static readonly styles = stepStyles;

  step: Step | 'done' = 'danger';
  answers: Answers = emptyAnswers();
  problems: Problems = {};
  restoredAt?: string;
  operator?: Operator;
  operatorState: 'loading' | 'ready' | 'missing' | 'failed' = 'loading';
  outcome?: Outcome;
  confirming?: Confirming;
  busy = false;
  /** A short message after an action (erased, could not send, …). */
  notice?: { text: () => string; error?: boolean };
  /** The draft on the device has been read (the form shows nothing before, so nothing jumps). */
  ready = false;
  countAnnouncement = '';

  private initialisedFor?: LindungiClient;
  private saveTimer?: ReturnType<typeof setTimeout>;
  private countTimer?: ReturnType<typeof setTimeout>;
  private persistAsked = false;
  private focusAfterRender?: string;
  private stopFollowing?: () => void;
  /** Changes not yet confirmed written to the device's storage. */
  private unsaved = false;
  /**
   * The report is being kept and sent: the draft is replaced with it in one write, and nothing
   * writes the answers to the draft again (they would be offered to be sent a second time).
   */
  private handingOver = false;
  private saveVersion = 0;
  private readonly saveWhenHidden = () => document.visibilityState === 'hidden' && this.saveOnLeave();
  private readonly saveOnLeave = () => {
    // Also while the report is handed over: if the page goes before it is kept, these are the
    // answers; once it is kept, the next visit finds the report and drops them.
    if (this.unsaved && this.initialisedFor && this.step !== 'done' && hasAnswers(this.answers)) keepRescue(this.draftKey, { step: this.step, answers: this.answers });
    this.saveNow();
  };

  constructor(private readonly host: FormHost) {
    host.addController(this);
  }

  get locale(): string {
    return this.host.hooks.locale();
  }

  get pack(): ContentPack {
    return this.host.hooks.pack()!;
  }

  get corridor(): string {
    return this.host.corridor;
  }

  get api(): string | undefined {
    return this.host.api;
  }

  get client(): FormView['client'] {
    return this.host.client;
  }

  private get draftKey(): string {
    return `report-form:${this.initialisedFor?.corridor ?? this.pack.corridor.id}`;
  }

  private set(patch: Partial<State>): void {
    Object.assign(this, patch);
    this.host.requestUpdate();
  }

  hostConnected(): void {
    addEventListener('pagehide', this.saveOnLeave);
    document.addEventListener('visibilitychange', this.saveWhenHidden);
  }

  hostDisconnected(): void {
    this.saveNow();
    clearTimeout(this.countTimer);
    removeEventListener('pagehide', this.saveOnLeave);
    document.removeEventListener('visibilitychange', this.saveWhenHidden);
    this.stopFollowing?.();
    this.stopFollowing = undefined;
    this.initialisedFor = undefined;
  }

  hostUpdate(): void {
    // A new client (another `api` or `client`) starts over with its own draft and outbox. The draft
    // is read while the content is still on its way: on a slow connection the two overlap.
    const client = this.host.hooks.client();
    if (this.initialisedFor !== client) void this.initialise(client);
    // Until the reader chooses, the country where it happened is the corridor's destination. The
    // country of a phone number is never assumed: it is read from the number (see readPhone).
    const pack = this.host.hooks.pack();
    if (pack && !this.answers.country) this.answers = { ...this.answers, country: pack.corridor.destination };
  }

  hostUpdated(): void {
    if (!this.focusAfterRender) return;
    const target = this.host.renderRoot.querySelector<HTMLElement>(this.focusAfterRender);
    this.focusAfterRender = undefined;
    target?.focus();
  }

  /** Read the draft kept on the device and who receives reports, and follow the outbox. */
  private async initialise(client: LindungiClient): Promise<void> {
    this.initialisedFor = client;
    this.stopFollowing?.();
    this.stopFollowing = undefined;
    if (!client.api) return;
    this.set({ ready: false, answers: emptyAnswers(), step: 'danger', outcome: undefined, restoredAt: undefined });
    const onChange = (event: Event) => this.outboxChanged(event as OutboxChangeEvent);
    client.reports.addEventListener('change', onChange);
    this.stopFollowing = () => client.reports.removeEventListener('change', onChange);
    void this.loadOperator(client);
    try {
      let saved = await client.reports.draft<Record<string, unknown>>(this.draftKey);
      if (this.initialisedFor !== client) return;
      // Changes kept as the page closed are newer than the draft, unless the report was sent since.
      const rescued = readRescue(this.draftKey);
      if (rescued && !saved?.value?.outcome && (!saved || rescued.savedAt > saved.savedAt)) {
        saved = rescued as typeof saved;
        this.unsaved = true;
      } else if (rescued) dropRescue(this.draftKey);
      const value = saved?.value;
      if (value?.outcome && typeof value.outcome === 'object') {
        this.set({ outcome: value.outcome as Outcome, step: 'done' });
        await this.refreshOutcome(client);
      } else if (value) {
        const answers = parseStoredAnswers(value.answers);
        if (hasAnswers(answers)) {
          this.set({ answers, step: STEPS.includes(value.step as Step) ? (value.step as Step) : 'danger', restoredAt: saved!.savedAt });
        }
        if (value.operator && typeof value.operator === 'object' && !this.operator) this.set({ operator: value.operator as Operator });
      }
    } catch (error) {
      this.host.hooks.warn(`could not read the draft on this device (${error instanceof Error ? error.message : String(error)}).`);
    }
    this.set({ ready: true });
    if (this.unsaved) this.saveNow();
  }

  private async loadOperator(client: LindungiClient): Promise<void> {
    this.set({ operatorState: 'loading' });
    try {
      this.set({ operator: await client.operator(), operatorState: 'ready' });
    } catch (error) {
      if (error instanceof LindungiApiError && error.status === 404) {
        this.host.hooks.warn('the API has no operator who receives reports, so reporting is not set up.');
        this.set({ operatorState: 'missing' });
      } else {
        // Offline: a copy kept with the draft may still name the operator.
        this.set({ operatorState: this.operator ? 'ready' : 'failed' });
      }
    }
  }

  /** After a reload: has the outbox sent the report since? */
  private async refreshOutcome(client: LindungiClient): Promise<void> {
    const outcome = this.outcome;
    if (!outcome || outcome.state !== 'queued') return;
    const entry = (await client.reports.entries()).find((e) => e.localId === outcome.localId);
    if (!entry) this.set({ outcome: undefined, step: 'danger' });
    else if (entry.state === 'sent' && entry.ticket) this.delivered(entry.ticket);
    else if (entry.state === 'failed') this.set({ outcome: { ...outcome, state: 'failed' } });
  }

  private outboxChanged(event: OutboxChangeEvent): void {
    const { entry } = event;
    if (!this.outcome || entry.localId !== this.outcome.localId || this.outcome.state !== 'queued') return;
    if (entry.state === 'sent' && entry.ticket) this.delivered(entry.ticket);
    else if (entry.state === 'failed') this.set({ outcome: { ...this.outcome, state: 'failed' } });
  }

  private delivered(ticket: string): void {
    this.set({ outcome: { ...this.outcome, ticket, state: 'sent' } });
    this.saveOutcome();
    this.host.dispatchEvent(new LindungiSubmittedEvent(ticket));
  }

  // ——— Keeping the draft ———

  update(patch: Partial<Answers>): void {
    // A problem goes away as soon as the reader changes its field. A number and its country are
    // read together: changing either clears the problem of both.
    const linked: Partial<Record<keyof Answers, keyof Answers>> = { contactValue: 'contactCountry', contactCountry: 'contactValue' };
    const changed = new Set(Object.keys(patch).flatMap((field) => [field, linked[field as keyof Answers] ?? field]));
    const problems = Object.fromEntries(Object.entries(this.problems).filter(([field]) => !changed.has(field)));
    this.set({ answers: { ...this.answers, ...patch }, problems });
    this.unsaved = true;
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.saveNow(), SAVE_DELAY_MS);
  }

  /** The count is shown at once and told to screen readers once typing pauses. */
  typed(description: string): void {
    this.update({ description });
    clearTimeout(this.countTimer);
    this.countTimer = setTimeout(() => this.set({ countAnnouncement: this.host.hooks.localized(() => steps.countText(this)) }), 1000);
  }

  /** Write the draft now (typing paused, the page is hidden or left). */
  private saveNow(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    const client = this.initialisedFor;
    if (!client?.api || this.handingOver || this.step === 'done' || !hasAnswers(this.answers)) return;
    if (!this.persistAsked) {
      this.persistAsked = true;
      // Ask the browser not to clear the draft under storage pressure; refused, it is kept as usual.
      void navigator.storage?.persist?.().catch(() => false);
    }
    const version = ++this.saveVersion;
    const key = this.draftKey;
    client.reports.saveDraft(key, { step: this.step, answers: this.answers, operator: this.operator }).then(() => {
      if (version !== this.saveVersion) return;
      this.unsaved = false;
      dropRescue(key);
    }, (error: unknown) => {
      this.host.hooks.warn(`could not keep the draft on this device (${error instanceof Error ? error.message : String(error)}).`);
      this.set({
        notice: { text: () => msg('Your answers could not be saved on this device. Keep this page open until you send the report.', { id: 'rf-not-saved' }), error: true },
      });
    });
  }

  private saveOutcome(): void {
    void this.initialisedFor?.reports.saveDraft(this.draftKey, { outcome: this.outcome }).catch(() => undefined);
  }

  /**
   * Before leaving with "Exit now": nothing more is written for this form, and what it holds is
   * forgotten. Answers whether it still had a report on the device (its outcome).
   */
  forget(): boolean {
    clearTimeout(this.saveTimer);
    clearTimeout(this.countTimer);
    this.unsaved = false;
    this.initialisedFor = undefined;
    const hadOutcome = this.outcome !== undefined;
    this.answers = emptyAnswers();
    this.outcome = undefined;
    return hadOutcome;
  }

  // ——— Moving between steps ———

  go(step: Step | 'done', focus = '[part="step-heading"]'): void {
    this.set({ step, problems: {}, confirming: undefined, notice: undefined });
    this.focusAfterRender = focus;
    this.saveNow();
  }

  confirm(what: Confirming | undefined): void {
    this.set({ confirming: what });
  }

  private checkContext() {
    return {
      corridor: this.pack.corridor.id,
      consentVersion: this.pack.consent.version,
      locale: this.locale,
      categories: this.pack.reportCategories.map((c) => c.id),
    };
  }

  /** The problems of `fields`; shown with a summary that takes focus when there are any. */
  private async validate(fields: ReadonlyArray<keyof Answers>): Promise<boolean> {
    const { check } = await import('./validation.js');
    const problems = check(this.answers, fields, this.checkContext());
    this.set({ problems });
    const names = Object.keys(problems);
    if (!names.length) return true;
    this.host.dispatchEvent(new LindungiInvalidEvent(names));
    this.focusAfterRender = '[part="error-summary"]';
    return false;
  }

  private async next(event: Event): Promise<void> {
    event.preventDefault();
    const step = this.step as Step;
    if (this.busy || !(await this.validate(STEP_FIELDS[step]))) return;
    const index = STEPS.indexOf(step);
    if (index < STEPS.length - 1) return this.go(STEPS[index + 1]);
    await this.send();
  }

  private back(): void {
    const index = STEPS.indexOf(this.step as Step);
    if (index > 0) this.go(STEPS[index - 1]);
  }

  private async send(): Promise<void> {
    // Every step again: a restored draft may have skipped one.
    const { check } = await import('./validation.js');
    const unfinished = STEPS.find((step) => Object.keys(check(this.answers, STEP_FIELDS[step], this.checkContext())).length);
    if (unfinished) {
      this.go(unfinished);
      await this.validate(STEP_FIELDS[unfinished]);
      return;
    }
    const client = this.initialisedFor!;
    const draftKey = this.draftKey;
    this.set({ busy: true, notice: undefined });
    clearTimeout(this.saveTimer);
    this.handingOver = true;
    try {
      const result = await client.reports.submit(toDraft(this.answers, this.checkContext()), {
        replaceDraft: { id: draftKey, value: (localId) => ({ outcome: { localId, state: 'queued' } satisfies Outcome }) },
      });
      this.handingOver = false;
      this.unsaved = false;
      dropRescue(draftKey);
      this.set({ answers: emptyAnswers(), restoredAt: undefined });
      if ('ticket' in result) {
        this.set({ outcome: { state: 'queued' } });
        this.delivered(result.ticket);
      } else {
        this.set({ outcome: { localId: result.queued, state: 'queued' } });
        this.saveOutcome();
        this.host.dispatchEvent(new LindungiQueuedEvent(result.queued));
      }
      this.go('done');
    } catch (error) {
      this.host.hooks.warn(`the report could not be handed over (${error instanceof Error ? error.message : String(error)}).`);
      this.handingOver = false;
      // The answers are the draft again, before the report they replaced is removed.
      // (Not after an erase or an exit: those leave nothing behind.)
      const erased = error instanceof LindungiError && error.code === 'erased';
      if (!erased && this.initialisedFor === client && hasAnswers(this.answers)) {
        await client.reports.saveDraft(draftKey, { step: this.step, answers: this.answers, operator: this.operator }).catch(() => (this.unsaved = true));
      }
      if (error instanceof LindungiApiError) {
        // Refused for good: nothing of it stays in the outbox; the answers stay in the form.
        for (const entry of await client.reports.entries()) if (entry.state === 'failed') await client.reports.remove(entry.localId);
      }
      this.set({
        notice: {
          text: () =>
            error instanceof LindungiApiError
              ? msg('The organisation could not accept the report. Your answers are kept: try again later, or contact a help line.', { id: 'rf-refused' })
              : msg('The report could not be kept on this device, so it was not sent. Your answers are still here: try again.', { id: 'rf-not-kept' }),
          error: true,
        },
      });
      this.focusAfterRender = '[part="notice"]';
    } finally {
      this.set({ busy: false });
    }
  }

  // ——— Erasing and withdrawing ———

  private async erase(): Promise<void> {
    const client = this.initialisedFor!;
    clearTimeout(this.saveTimer);
    const outcome = this.outcome;
    if (outcome) await client.reports.remove(outcome.localId ?? outcome.ticket ?? '');
    this.unsaved = false;
    dropRescue(this.draftKey);
    await client.reports.deleteDraft(this.draftKey);
    this.set({ answers: emptyAnswers(), outcome: undefined, restoredAt: undefined });
    this.go('danger', '[part="notice"]');
    this.set({ notice: { text: () => msg('The report was erased from this device.', { id: 'rf-erased' }) } });
  }

  withdraw(): void {
    const ticket = this.outcome?.ticket;
    if (!ticket) return;
    this.set({ busy: true, confirming: undefined });
    this.initialisedFor!.reports.withdraw(ticket).then(
      () => {
        this.set({ outcome: { ...this.outcome!, state: 'withdrawn' } });
        this.saveOutcome();
        this.focusAfterRender = '[part="outcome-message"]';
      },
      () => this.set({ notice: { text: () => msg('The report could not be withdrawn. Check your connection and try again.', { id: 'rf-not-withdrawn' }), error: true } }),
    ).finally(() => this.set({ busy: false }));
  }

  startAgain(): void {
    dropRescue(this.draftKey);
    void this.initialisedFor?.reports.deleteDraft(this.draftKey);
    this.set({ outcome: undefined });
    this.go('danger');
  }

  retryOperator(): void {
    if (this.initialisedFor) void this.loadOperator(this.initialisedFor);
  }

  /** "Try sending now": says so when the phone is offline, rather than seem to do nothing. */
  flush(): void {
    if (navigator.onLine === false) {
      this.set({ notice: { text: () => msg('This phone is offline, so the report cannot be sent now. It stays saved here and is sent by itself when the phone is back online.', { id: 'rf-offline-now' }), error: true } });
      this.focusAfterRender = '[part="notice"]';
      return;
    }
    this.set({ notice: undefined });
    void this.initialisedFor?.reports.flush();
  }

  copyTicket(event: Event, ticket: string): void {
    const button = event.currentTarget as HTMLButtonElement;
    navigator.clipboard.writeText(ticket).then(
      () => this.set({ notice: { text: () => msg('The ticket was copied.', { id: 'rf-copied' }) } }),
      () => this.set({ notice: { text: () => msg('The ticket could not be copied. Write it down instead.', { id: 'rf-not-copied' }), error: true } }),
    ).finally(() => button.focus());
  }

  // ——— What the steps ask of the element ———

  level(depth?: number): number {
    return this.host.hooks.level(depth);
  }

  text(value: Text | undefined): TemplateResult {
    return this.host.hooks.text(value);
  }

  heading(level: number, text: string, part: string): TemplateResult {
    return this.host.hooks.heading(level, text, part);
  }

  hotline(): TemplateResult {
    return this.host.hooks.hotline(this.pack);
  }

  problemText(field: keyof Answers, problem: Problem): string {
    return steps.problemText(this, field, problem);
  }

  // ——— Rendering ———

  /** Whether the API says nobody receives reports: the element then shows only the help lines. */
  get notSetUp(): boolean {
    return this.operatorState === 'missing';
  }

  render(): TemplateResult {
    const step = this.step;
    return html`${this.restoredAt && step !== 'done'
        ? html`<div class="notice" part="restored" role="status">
            ${icons.checkIcon}
            <p>${msg(str`Your draft was restored (saved ${formatDateTime(this.restoredAt, this.locale)}).`, { id: 'rf-restored' })}</p>
          </div>`
        : nothing}
      ${step === 'done' ? nothing : this.renderProgress(step)}
      ${this.notice
        ? html`<div class="notice ${this.notice.error ? 'error' : ''}" part="notice" role=${this.notice.error ? 'alert' : 'status'} tabindex="-1">
            ${this.notice.error ? icons.alertIcon : icons.checkIcon}
            <p>${this.notice.text()}</p>
          </div>`
        : nothing}
      ${step === 'done' ? steps.renderDone(this) : this.renderStep(step)} ${this.renderErase()}`;
  }

  private renderProgress(current: Step): TemplateResult {
    const index = STEPS.indexOf(current);
    const names: Record<Step, string> = {
      danger: msg('Safety', { id: 'rf-step-safety' }),
      what: msg('What happened', { id: 'rf-step-what' }),
      contact: msg('How to reach you', { id: 'rf-step-contact' }),
      check: msg('Consent and check', { id: 'rf-step-check' }),
    };
    return html`<p class="progress">${msg(str`Step ${index + 1} of ${STEPS.length}`, { id: 'rf-step-n' })}</p>
      <ol class="steps" part="steps" aria-label=${msg('Steps', { id: 'rf-steps' })}>
        ${STEPS.map((step, i) => html`<li aria-current=${i === index ? 'step' : nothing} class=${i < index ? 'past' : ''}>${names[step]}</li>`)}
      </ol>`;
  }

  private renderStep(step: Step): TemplateResult {
    const pack = this.pack;
    const body = {
      danger: () => this.renderDanger(pack),
      what: () => steps.renderWhat(this, pack),
      contact: () => steps.renderContact(this, pack),
      check: () => steps.renderCheck(this, pack),
    }[step]();
    return html`<form class="step" novalidate @submit=${(e: Event) => void this.next(e)}>
      ${this.renderSummary()} ${body}
      <div class="actions">
        <button type="submit" class="primary" part="continue" ?disabled=${this.busy}>
          ${step === 'check' ? msg('Send report', { id: 'rf-send' }) : msg('Continue', { id: 'rf-continue' })}
        </button>
        ${step === 'danger' ? nothing : html`<button type="button" class="link" part="back" @click=${() => this.back()}>${msg('Back', { id: 'rf-back' })}</button>`}
      </div>
    </form>`;
  }

  /** The problems of the step, each linked to its field. */
  private renderSummary(): TemplateResult | typeof nothing {
    const entries = Object.entries(this.problems) as Array<[keyof Answers, Problem]>;
    if (!entries.length) return nothing;
    return html`<div class="error-summary" part="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
      <div id="error-summary-title" class="summary-title">${msg('There is a problem', { id: 'rf-problem' })}</div>
      <ul>
        ${entries.map(([field, problem]) => html`<li><a href="#${field}" @click=${(e: Event) => this.focusField(e, field)}>${this.problemText(field, problem)}</a></li>`)}
      </ul>
    </div>`;
  }

  private focusField(event: Event, field: string): void {
    // The link's target is in this shadow root: the page's URL and scroll are left alone.
    event.preventDefault();
    const target = this.host.renderRoot.querySelector<HTMLElement>(`#${field}, [name="${field}"]`);
    target?.focus();
    target?.scrollIntoView({ block: 'center' });
  }

  private renderDanger(pack: ContentPack): TemplateResult {
    const inDanger = this.answers.inDanger === 'yes';
    return html`${question(
        this,
        'inDanger',
        this.heading(this.level(1), msg('Are you in danger right now?', { id: 'rf-danger' }), 'step-heading'),
        radios(this, 'inDanger', [
          { value: 'yes', label: msg('Yes', { id: 'rf-yes' }) },
          { value: 'no', label: msg('No', { id: 'rf-no' }) },
        ]),
        html`${msg('For example: someone is hurting or threatening you, or you cannot leave the place where you are.', { id: 'rf-danger-hint' })}`,
      )}
      ${inDanger
        ? html`<div class="urgent" part="urgent">
            <p>
              <strong>${msg('Contact a help line now if you can.', { id: 'rf-danger-call' })}</strong>
              ${msg('You can still send this report afterwards, or now.', { id: 'rf-danger-go-on' })}
            </p>
            ${this.hotline()}
          </div>`
        : nothing}
      <p class="exit-help">
        ${msg('“Exit now” (or, on a keyboard, pressing Shift three times) clears this form, erases what you typed from this device and opens a weather website. It cannot hide that this page was visited.', { id: 'rf-exit-help-keyboard' })}
      </p>
      ${renderSafetyTips(pack, 'report-form', this.locale, this.level(2))}`;
  }

  private renderErase(): TemplateResult | typeof nothing {
    if (this.step !== 'done' && !hasAnswers(this.answers)) return nothing;
    const unsent = this.outcome?.state === 'queued';
    return html`<div class="erase">
      ${this.confirming === 'erase'
        ? html`<div class="confirm" role="group" aria-labelledby="erase-q">
            <p id="erase-q">
              ${unsent
                ? msg('This report has not been sent yet. If you erase it now, it will never be sent. Erase it?', { id: 'rf-erase-unsent' })
                : this.outcome?.ticket
                  ? msg('Erase this report from this device? Its ticket will be gone from this device too, so write the ticket down first if you want to follow the report. The organisation keeps the report.', { id: 'rf-erase-sent-confirm' })
                  : msg('Erase this report from this device? What you typed cannot be brought back.', { id: 'rf-erase-confirm' })}
            </p>
            <button type="button" class="danger" @click=${() => void this.erase()}>${msg('Erase', { id: 'rf-erase' })}</button>
            <button type="button" @click=${() => this.confirm(undefined)}>${msg('Keep it', { id: 'rf-keep' })}</button>
          </div>`
        : html`<button type="button" class="link" part="erase" @click=${() => this.confirm('erase')}>
            ${msg('Erase this report from this device', { id: 'rf-erase-button' })}
          </button>`}
    </div>`;
  }
}
