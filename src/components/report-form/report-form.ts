import { adoptStyles, html, isServer, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { LindungiElement, booleanAttribute } from '../../internal/base-element.js';
import { OwnStrings } from '../../internal/own-strings.js';
import type { UiLocale } from '../../internal/locale.js';
import { baseStyles } from '../../internal/styles.js';
import { loadPart } from '../../sdk/parts.js';
import { msg } from '../../internal/msg.js';
import * as icons from '../../internal/icons.js';
import { withReporting, type LindungiClient } from '../../sdk/client.js';
import type { ContentPack } from '../../sdk/schema.js';
import { LindungiExitEvent } from './events.js';
import { TripleShiftShortcut } from './quick-exit.js';
import { draftKeyFor, dropRescue } from './rescue.js';
import { reportFormStyles } from './report-form.styles.js';
import type { FormContext, FormElement, FormState } from './context.js';

type Loaded = typeof import('./loaded.js');

/** Where "Exit now" goes unless the partner sets `exit-url`: a neutral weather site. */
export const DEFAULT_EXIT_URL = 'https://www.bbc.com/weather';
/** How long leaving waits for the draft to be erased from storage. */
const EXIT_ERASE_WAIT_MS = 400;

/**
 * Report exploitation or fraud: question pages, one topic each, then the ticket. Everything typed
 * is kept on the device as a draft until the report is handed to the SDK's outbox, which sends it
 * exactly once, now or when the device is back online. Needs an `api` with an operator; without one
 * it says that reporting is not set up and shows the help lines.
 *
 * @summary A report form that never loses what was typed, with quick exit.
 * @tagname lindungi-report-form
 *
 * @attr corridor - Corridor id (default `ID-KH`).
 * @attr api - Base URL of the Lindungi API that receives reports.
 * @attr heading-level - Level of the widget's heading (default 2).
 * @attr exit-url - Where "Exit now" goes (default a neutral weather site).
 * @attr keep-draft-on-exit - Keep the unsent draft on the device when the reader exits.
 *
 * @fires lindungi-submitted - The server has the report. `detail: { ticket }`.
 * @fires lindungi-queued - The report is kept on the device and will be sent later. `detail: { localId }`.
 * @fires lindungi-invalid - A step has problems. `detail: { fields }` (names only).
 * @fires lindungi-exit - The reader is leaving with "Exit now". Cancelable. `detail: { url }`.
 *
 * @csspart base - The widget's outer box.
 * @csspart heading - The widget's heading.
 * @csspart exit - The "Exit now" button.
 * @csspart steps - The step indicator.
 * @csspart step-heading - The current step's question.
 * @csspart error-summary - The list of problems at the top of a step.
 * @csspart field - One question with its label, hint and message.
 * @csspart continue - The button that goes on (or sends).
 * @csspart back - The back link.
 * @csspart erase - The "Erase this report from this device" button.
 * @csspart restored - The note that a draft was restored.
 * @csspart answers - The summary of answers on the check step.
 * @csspart consent - The consent texts.
 * @csspart notice - A short message after an action (erased, copied, could not send).
 * @csspart urgent - The emergency lines shown when the reader is in danger or under 18.
 * @csspart not-set-up - The message that reporting is not set up on this site.
 * @csspart needs-script - In the server's rendering, before the script runs: that sending needs it.
 * @csspart queued - The done page while the report waits on the device.
 * @csspart sent - The done page once the server has the report (or it was withdrawn).
 * @csspart refused - The done page when the server refused the report.
 * @csspart withdraw - The "Withdraw this report" button.
 * @csspart ticket - The ticket on the done page.
 * @csspart outcome-message - What happened to the report on the done page (after a withdrawal: its contact details were deleted).
 * @csspart phone-reading - How a phone or WhatsApp number is read: grouped, with its country.
 * @csspart loading - The placeholder while content loads.
 * @csspart error - An error message.
 * @csspart offline - The note that content is an offline copy.
 * @csspart retry - The "Try again" button.
 * @csspart safety - The safety advice.
 * @csspart exit-bar - The row of its own that holds "Exit now" at the top while the reader scrolls.
 *
 * @cssprop --lindungi-color-accent - Buttons and links.
 * @cssprop --lindungi-color-on-accent - Text on the accent colour.
 * @cssprop --lindungi-color-danger - Problems and the exit button.
 * @cssprop --lindungi-color-success - The sent state.
 * @cssprop --lindungi-color-warning - The queued state and the offline note.
 * @cssprop --lindungi-color-text - Text.
 * @cssprop --lindungi-color-muted - Hints.
 * @cssprop --lindungi-color-surface - Background.
 * @cssprop --lindungi-color-surface-alt - Notes and summaries.
 * @cssprop --lindungi-color-border - Borders.
 * @cssprop --lindungi-color-focus - The focus ring.
 * @cssprop --lindungi-font-family - Font (inherits the page's by default).
 * @cssprop --lindungi-font-size - Base font size.
 * @cssprop --lindungi-radius - Corner radius.
 * @cssprop --lindungi-space - Base spacing.
 */
export class LindungiReportForm extends LindungiElement implements FormState {
  static override styles = [baseStyles, reportFormStyles];

  // Written out so every bundler makes one small module per locale, loaded only with the form.
  private static readonly strings = new OwnStrings({
    id: () => import('../../generated/locales/report-form/id.js'),
    km: () => import('../../generated/locales/report-form/km.js'),
    ms: () => import('../../generated/locales/report-form/ms.js'),
    ar: () => import('../../generated/locales/report-form/ar.js'),
  });

  static override properties: PropertyDeclarations = {
    ...LindungiElement.properties,
    exitUrl: { attribute: 'exit-url' },
    keepDraftOnExit: { type: Boolean, attribute: 'keep-draft-on-exit', converter: booleanAttribute },
    // The form's state (see FormState): written by its flow, rendered by its views.
    ...Object.fromEntries(
      [
        'step',
        'answers',
        'problems',
        'restoredAt',
        'operator',
        'operatorState',
        'outcome',
        'confirming',
        'busy',
        'notice',
        'draftRead',
        'countAnnouncement',
      ].map((name) => [name, { state: true }]),
    ),
  };

  /**
   * On the server, the first step with the form's own view (set by `lindungi/ssr`, which has the
   * form's code; the browser's entry does not).
   * @internal
   */
  declare static firstStep: ((form: LindungiReportForm) => TemplateResult) | undefined;

  /** Where "Exit now" goes. */
  exitUrl = DEFAULT_EXIT_URL;

  /** Keep the unsent draft when the reader exits (where losing it is the greater risk). */
  keepDraftOnExit = false;

  /** @internal */ step!: FormState['step'];
  /** @internal */ answers!: FormState['answers'];
  /** @internal */ problems!: FormState['problems'];
  /** @internal */ restoredAt: FormState['restoredAt'];
  /** @internal */ operator: FormState['operator'];
  /** @internal */ operatorState!: FormState['operatorState'];
  /** @internal */ outcome: FormState['outcome'];
  /** @internal */ confirming: FormState['confirming'];
  /** @internal */ busy!: boolean;
  /** @internal */ notice: FormState['notice'];
  /** @internal */ draftRead!: boolean;
  /** @internal */ countAnnouncement!: string;

  /** The form's flow and views, loaded in parallel with the content. */
  private loaded?: Loaded | undefined;
  private loading?: Promise<unknown> | undefined;
  /** The form's code could not be downloaded: the error shows, with "Try again". */
  private formFailed = false;
  private stopShortcut?: (() => void) | undefined;
  private readonly shortcut = new TripleShiftShortcut(() => void this.exit());

  /** What the form's flow and views use of this element, built once its code is here. */
  private context?: FormContext | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopShortcut = this.shortcut.connect(document);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Fetched alongside the content, and only where reports can be sent (never on the server).
    if (!isServer && this.reporting.api) this.loadForm();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopShortcut?.();
  }

  private loadForm(): void {
    // After a failed download, only "Try again" asks again: never a request on every render.
    if (this.loading || this.formFailed) return;
    // The outbox's code, the device's store and the operator are started now too, not after the form's code arrives.
    void this.reporting.reports.draft(draftKeyFor(this.reporting.corridor)).catch(() => undefined);
    void this.reporting.operator().catch(() => undefined);
    // A download that fails is a network error: the reader is told to check the connection.
    this.loading = loadPart(() => import('./loaded.js')).then(
      (loaded) => {
        // Its state is the element's: the flow's first write renders the form.
        this.loaded = loaded;
        this.context = loaded.contextOf(this as unknown as FormElement);
        if (this.renderRoot instanceof ShadowRoot)
          adoptStyles(this.renderRoot, [...(this.constructor as typeof LindungiReportForm).elementStyles, loaded.stepStyles]);
      },
      (error: unknown) => {
        this.loading = undefined;
        this.formFailed = true;
        this.warnOnce(`could not load the form (${error instanceof Error ? error.message : String(error)}).`);
        this.failure = error;
      },
    );
  }

  /** "Try again" also loads the form's code again if that is what failed. */
  protected override retry(): void {
    this.failure = undefined;
    this.formFailed = false;
    this.loadForm();
    super.retry();
  }

  /** An answer the reader chose in the server's first step, before the script arrived, is kept. */
  protected override adoptServerState(root: ShadowRoot): void {
    const chosen = root.querySelector<HTMLInputElement>('[name=inDanger]:checked')?.value as FormState['answers']['inDanger'] | undefined;
    if (chosen) this.context?.flow.update({ inDanger: chosen });
  }

  protected override stringsReady(locale: UiLocale): boolean {
    return LindungiReportForm.strings.isReady(locale);
  }

  protected override loadStrings(locale: UiLocale): Promise<void> {
    return LindungiReportForm.strings.load(locale);
  }

  /** The client the report goes through: the widget's content client, given the outbox. */
  private get reporting(): LindungiClient {
    return withReporting(this.contentClient);
  }

  /** Busy until the form's code is here (or could not be had) and the draft on the device has been read. */
  protected override get isLoading(): boolean {
    if (isServer) return super.isLoading;
    return super.isLoading || (!!this.reporting.api && !this.formFailed && !(this.loaded && this.draftRead));
  }

  protected override updated(): void {
    // The hotline and the timeline are loaded only when the form shows them.
    if (this.renderRoot.querySelector('lindungi-hotline')) void import('../../hotline.js');
    if (this.renderRoot.querySelector('lindungi-stage-timeline')) void import('../../stage-timeline.js');
  }

  /**
   * Leave at once: clear every field, erase the unsent draft (unless the partner keeps it), and go
   * to `exit-url` in place of this page, so Back does not return to the form. A report already
   * handed over stays queued until it is sent.
   */
  async exit(): Promise<void> {
    const url = this.exitUrl || DEFAULT_EXIT_URL;
    const leaving = new LindungiExitEvent(url);
    if (!this.dispatchEvent(leaving)) return;
    for (const field of this.renderRoot.querySelectorAll<HTMLInputElement>('input, textarea, select')) {
      if (field.type === 'radio' || field.type === 'checkbox') field.checked = false;
      else field.value = '';
    }
    const hadReport = !!this.loaded && this.context!.flow.forget();
    const client = this.reporting;
    if (!this.keepDraftOnExit && !hadReport && client.api) {
      const key = draftKeyFor(client.corridor);
      dropRescue(key);
      const erased = client.reports.deleteDraft(key).catch(() => undefined);
      await Promise.race([erased, new Promise((resolve) => setTimeout(resolve, EXIT_ERASE_WAIT_MS))]);
    }
    location.replace(url);
  }

  protected override renderContent(pack: ContentPack): TemplateResult {
    // The server's rendering: the first step, and in place of "Continue" that sending needs the
    // script, with the lines to try first; "Exit now" is a plain link, which works without one.
    if (isServer)
      return html`<div class="form">
      <div class="exit-bar" part="exit-bar">
        <a class="exit" part="exit" href=${this.exitUrl || DEFAULT_EXIT_URL} rel="noreferrer">${msg('Exit now', { id: 'rf-exit' })}</a>
      </div>
      ${this.renderHeading(this.level(), msg('Report exploitation or fraud', { id: 'rf-title' }), 'heading')}
      ${LindungiReportForm.firstStep?.(this) ?? nothing}
      <div class="notice" part="needs-script" role="status">
        ${icons.alertIcon}
        <p>${msg('Sending a report needs JavaScript, which has not run on this page yet. If you need help now, contact these lines.', { id: 'rf-needs-script' })}</p>
      </div>
      ${this.renderHotline(pack, 1)}
    </div>`;
    const notSetUp = !this.reporting.api || (!!this.loaded && this.context!.flow.notSetUp);
    return html`<div class="form">
      <div class="exit-bar" part="exit-bar">
        <button type="button" class="exit" part="exit" @click=${() => void this.exit()}>${msg('Exit now', { id: 'rf-exit' })}</button>
      </div>
      ${this.renderHeading(this.level(), msg('Report exploitation or fraud', { id: 'rf-title' }), 'heading')}
      ${notSetUp ? this.renderNotSetUp(pack) : this.loaded!.renderForm(this.context!)}
    </div>`;
  }

  private renderHeading(level: number, text: string, part: string): TemplateResult {
    return html`<div role="heading" aria-level=${Math.min(6, level)} class=${part} part=${part} tabindex="-1">${text}</div>`;
  }

  private renderNotSetUp(pack: ContentPack): TemplateResult {
    return html`<div class="notice" part="not-set-up" role="status">
        ${icons.alertIcon}
        <p>${msg('Reporting is not set up on this site, so nothing you type here could be sent. You can contact these help lines directly.', { id: 'rf-not-set-up' })}</p>
      </div>
      ${this.renderHotline(pack, 1)}`;
  }

  /** The emergency lines, their heading `depth` levels below the widget's. */
  private renderHotline(pack: ContentPack, depth = 2): TemplateResult {
    return html`<lindungi-hotline
      lang=${this.locale}
      emergency-only
      country=${pack.corridor.destination}
      corridor=${this.corridor || nothing}
      api=${this.api ?? nothing}
      heading-level=${this.level(depth)}
      .client=${this.client}
    ></lindungi-hotline>`;
  }
}
