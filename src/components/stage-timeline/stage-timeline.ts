import { html, isServer, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '../../internal/msg.js';
import { LindungiElement, booleanAttribute } from '../../internal/base-element.js';
import { baseStyles } from '../../internal/styles.js';
import { renderSource } from '../../internal/notes.js';
import * as icons from '../../internal/icons.js';
import { formatDate } from '../../internal/format.js';
import type { ContentPack, Stage } from '../../sdk/schema.js';
import type { ReportStatusResponse } from '../../sdk/report-schema.js';
import { LindungiStageToggleEvent } from './events.js';
import { stageTimelineStyles } from './stage-timeline.styles.js';
import {
  checkedRows,
  isSkipped,
  placeReader,
  renderDates,
  reportRows,
  renderLatestNote,
  renderSkipped,
  STATUS_ICONS,
  statusLabel,
  type ReportStage,
  type Row,
  type Shown,
} from './stage-parts.js';

/** A stage's status and the date it was reached, under its title. */
function renderStatus(stage: ReportStage, label: string | undefined, locale: string): TemplateResult {
  return html`${label ? html`<span part="status" class="status" aria-hidden="true">${label}</span>` : nothing}
  ${stage.reached ? html`<span class="reached">${formatDate(stage.reached.slice(0, 10), locale)}</span>` : nothing}`;
}

/** The `stages` attribute's JSON, parsed; what is not JSON stays the string it was. */
const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

/**
 * Where things stand: the Indonesia–Cambodia agreement, a worker's journey, custom stages, or a
 * report's progress by ticket. An ordered list; each stage tells its status by icon and text,
 * the current one is marked `aria-current="step"`, details open as disclosures. Vertical in narrow
 * containers, horizontal in wide ones (container queries).
 *
 * @tagname lindungi-stage-timeline
 * @summary Stages with status, parties and dates, for an agreement, a journey or a report.
 *
 * @fires lindungi-stage-toggle - A reader opened or closed a stage. `detail`: `{ stageId, open }`.
 *
 * @csspart base - The wrapper of everything the widget shows.
 * @csspart heading - The timeline's heading.
 * @csspart stages - The ordered list of stages.
 * @csspart stage - One stage.
 * @csspart marker - A stage's number and status icon.
 * @csspart status - A stage's status text.
 * @csspart toggle - The button that opens a stage's details.
 * @csspart details - A stage's details.
 * @csspart skipped - A stage that could not be shown.
 * @csspart latest-note - A report's latest public note from the caseworkers, with its date and who wrote it.
 * @csspart updated - The source (publisher, the statement's date, when it was last checked) or the "last updated" line.
 * @csspart loading - The placeholder shown while loading.
 * @csspart error - The error message.
 * @csspart retry - The "Try again" button.
 * @csspart offline - The note shown when content is a saved copy.
 * @csspart empty - The message shown when there is nothing to list.
 *
 * @cssprop --lindungi-font-family - Font of the widget (default: inherited from the page).
 * @cssprop --lindungi-font-size - Base font size (default: 1rem).
 * @cssprop --lindungi-color-text - Text colour.
 * @cssprop --lindungi-color-muted - Secondary text colour, upcoming stages.
 * @cssprop --lindungi-color-surface - Stage background.
 * @cssprop --lindungi-color-surface-alt - Background of notes and placeholders.
 * @cssprop --lindungi-color-border - Borders and connector lines.
 * @cssprop --lindungi-color-accent - The current stage.
 * @cssprop --lindungi-color-on-accent - Text on primary buttons.
 * @cssprop --lindungi-color-success - Done stages.
 * @cssprop --lindungi-color-danger - Blocked stages and errors.
 * @cssprop --lindungi-color-warning - Offline note.
 * @cssprop --lindungi-color-focus - Focus ring.
 * @cssprop --lindungi-radius - Corner radius.
 * @cssprop --lindungi-space - Base spacing unit.
 */
export class LindungiStageTimeline extends LindungiElement {
  static override styles = [baseStyles, stageTimelineStyles];

  static override properties: PropertyDeclarations = {
    timeline: {},
    // The attribute holds JSON: read as it is parsed (what is not JSON stays a string, reported as such).
    stages: { converter: { fromAttribute: (value: string | null) => (value === null ? undefined : parseJson(value)) } },
    ticket: {},
    heading: {},
    compact: { type: Boolean, reflect: true, converter: booleanAttribute },
    currentStage: { attribute: 'current-stage' },
    custom: { state: true, attribute: false },
    report: { state: true, attribute: false },
    reportError: { state: true, attribute: false },
    expanded: { state: true, attribute: false },
  };

  /** Id of a timeline in the content pack: `agreement-id-kh`, `worker-journey`. */
  timeline?: string | undefined;

  /**
   * Custom stages: an array (property) or JSON (attribute). Texts may be strings or locale maps.
   * Assign a new array to change them: a change inside the same array is not seen.
   */
  stages?: Stage[] | undefined;

  /** A report ticket (e.g. `LDG-7K4M-Q9TX`): shows that report's progress, read from the `api`. */
  ticket?: string | undefined;

  /** Heading for custom stages (a pack timeline has its own title). */
  heading?: string | undefined;

  /** Narrow layout for sidebars: always vertical, smaller. */
  compact = false;

  /**
   * Where the reader is, for stages without a status of their own (such as the worker's journey):
   * the stage with this id is current, those before it done, those after it upcoming. Without it,
   * such stages are shown as phases, with no status.
   */
  currentStage?: string | undefined;

  private custom?: { rows: Row[] } | { malformed: true } | undefined;
  private report?: ReportStatusResponse | undefined;
  private reportError?: 'no-api' | 'not-found' | undefined;
  private expanded = new Set<string>();
  private reportRequest?: AbortController | undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('stages')) void this.parseCustom();
    // A new api or client reloads everything through reload(); a new ticket only the report.
    if (changed.has('ticket') && !changed.has('api') && !changed.has('client') && !changed.has('corridor')) void this.loadReport();
  }

  protected override reload(): void {
    super.reload();
    void this.loadReport();
  }

  /** Also busy while a ticket's status is on its way or custom stages are being checked. */
  protected override get isLoading(): boolean {
    if (super.isLoading) return true;
    const waitingForReport = !!this.ticket && !this.report && !this.reportError && this.failure === undefined;
    const checkingStages = this.hasCustomStages && !this.custom;
    return waitingForReport || checkingStages;
  }

  protected override retry(): void {
    if (this.failure !== undefined) void this.loadReport();
    else super.retry();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.reportRequest?.abort();
  }

  /** Whether the page gave custom stages (anything but nothing or an empty attribute). */
  private get hasCustomStages(): boolean {
    const stages: unknown = this.stages;
    return stages !== undefined && stages !== null && stages !== '';
  }

  /** Validate custom stages one by one: a bad stage is skipped in place, not the whole timeline. */
  private async parseCustom(): Promise<void> {
    // Whatever a page set, checked here: the type is what the widget shows, not what it trusts.
    const input: unknown = this.stages;
    if (input === undefined || input === null || input === '') {
      this.custom = undefined;
      return;
    }
    let list: unknown = input;
    if (typeof input === 'string') {
      try {
        list = JSON.parse(input);
      } catch {
        this.warnOnce('the stages attribute is not valid JSON.');
        this.custom = { malformed: true };
        return;
      }
    }
    if (!Array.isArray(list)) {
      this.warnOnce('stages must be an array of stages.');
      this.custom = { malformed: true };
      return;
    }
    // Only the stage check loads, not the whole validator library.
    const { checkStage } = await import('../../sdk/stage-check.js');
    if (input !== this.stages) return;
    const rows = checkedRows(list, checkStage, (message) => this.warnOnce(message));
    this.custom = { rows };
  }

  /** Read the ticket's status through the widget's client; an answer for an older ticket or api is dropped. */
  private async loadReport(): Promise<void> {
    this.reportRequest?.abort();
    this.reportRequest = undefined;
    this.report = undefined;
    this.reportError = undefined;
    this.failure = undefined;
    const ticket = this.ticket;
    if (!ticket) return;
    const client = this.contentClient;
    if (!client.api) {
      this.warnOnce('ticket needs an api attribute: the report status is read from the Lindungi API.');
      this.reportError = 'no-api';
      return;
    }
    const request = new AbortController();
    this.reportRequest = request;
    try {
      const report = await client.reportStatus(ticket, { signal: request.signal });
      if (this.reportRequest === request) this.report = report;
    } catch (error) {
      if (this.reportRequest !== request) return;
      if ((error as { status?: number }).status === 404) this.reportError = 'not-found';
      else {
        console.warn('[lindungi] Could not load the report status:', error instanceof Error ? error.message : error);
        this.failure = error;
      }
    }
  }

  protected override inputProblem() {
    if (this.custom && 'malformed' in this.custom) {
      return { message: msg('These stages cannot be shown: their data is not in the expected format.'), warning: 'malformed stages.' };
    }
    const hasCustom = this.hasCustomStages;
    if (!this.ticket && !hasCustom && this.pack) {
      if (!this.timeline) {
        return { message: msg('No timeline was chosen, so nothing can be shown.'), warning: 'set timeline, stages or ticket.' };
      }
      if (!this.pack.timelines.some((t) => t.id === this.timeline)) {
        return {
          message: msg(str`There is no timeline "${this.timeline}", so nothing can be shown.`),
          warning: `timeline="${this.timeline}" is not in the content pack of ${this.pack.corridor.id}.`,
        };
      }
    }
    if (this.ticket && this.reportError) {
      const message =
        this.reportError === 'no-api'
          ? msg('Report progress cannot be shown on this site: it is not connected to a reporting service.')
          : msg(str`No report has the ticket ${this.ticket}. Check the code and try again.`);
      return { message, warning: `ticket ${this.reportError}` };
    }
    return undefined;
  }

  protected override isEmpty(pack: ContentPack): boolean {
    return this.shown(pack)?.rows.length === 0;
  }

  protected override emptyMessage(): string {
    return msg('There are no stages to show yet.');
  }

  private shown(pack: ContentPack): Shown | undefined {
    if (this.ticket) return this.report ? reportRows(this.report) : undefined;
    if (this.hasCustomStages) {
      // Custom stages are checked asynchronously (the schema loads on first use).
      return this.custom && 'rows' in this.custom ? { rows: this.custom.rows, title: this.heading } : undefined;
    }
    const timeline = pack.timelines.find((t) => t.id === this.timeline);
    if (!timeline) return undefined;
    return {
      title: timeline.title,
      description: timeline.description,
      rows: placeReader(
        [...timeline.stages].sort((a, b) => (a.order ?? 0) - (b.order ?? 0)),
        this.currentStage,
      ),
      updated: timeline.updated,
      source: timeline.source,
      verified: timeline.verified,
    };
  }

  protected renderContent(pack: ContentPack): TemplateResult | typeof nothing {
    const shown = this.shown(pack);
    // Waiting for a ticket's status or for custom stages to be checked is the loading state (see
    // isLoading), so there is always something to show here.
    if (!shown) return nothing;
    const total = shown.rows.length;
    const row = (r: (typeof shown.rows)[number], index: number) => (isSkipped(r) ? renderSkipped(index, total) : this.renderStage(r, index, total));
    const title = this.ticket ? msg(html`Progress of report ${html`<bdi dir="ltr" class="ticket">${this.ticket.toUpperCase()}</bdi>`}`) : undefined;
    return html`<section aria-labelledby="heading" class="timeline ${total > 6 ? 'many' : ''} ${this.compact ? 'compact' : ''}">
      <div role="heading" aria-level=${this.level()} id="heading" part="heading" class="heading">
        ${title ?? (shown.title ? this.text(shown.title) : msg('Progress'))}
      </div>
      ${shown.description ? html`<p class="description">${this.text(shown.description)}</p>` : nothing}
      ${this.ticket ? renderLatestNote(this.report, this.locale) : nothing}
      <ol part="stages" class="stages" role="list">
        ${
          // On the server the rows are rendered here, in the widget's locale: Lit's server renderer
          // would call a repeat() callback later, outside it.
          isServer ? shown.rows.map(row) : repeat(shown.rows, (r) => r.id, row)
        }
      </ol>
      ${
        shown.updated || shown.source
          ? html`<p part="updated" class="updated">
            ${shown.updated ? msg(str`Last updated ${formatDate(shown.updated.slice(0, 10), this.locale)}.`) : nothing}
            ${shown.source ? renderSource(shown.source, this.locale, shown.verified) : nothing}
          </p>`
          : nothing
      }
    </section>`;
  }

  /** What the reporter came for: the caseworkers' latest public note, open, dated, with who wrote it. */
  private renderStage(stage: ReportStage, index: number, total: number): TemplateResult {
    // A stage without a status is a phase to read about: numbered, with no claim of progress.
    const label = stage.ended ? msg('Final state') : stage.status ? statusLabel(stage.status) : undefined;
    const open = this.expanded.has(stage.id);
    const hasDetails = !!(stage.description || stage.parties?.length || stage.dates);
    return html`<li part="stage" class="stage ${stage.status ?? 'phase'} ${stage.ended ? 'ended' : ''}" aria-current=${stage.status === 'current' ? 'step' : nothing}>
      <span class="marker" part="marker" aria-hidden="true">${stage.ended ? icons.stopIcon : stage.status ? STATUS_ICONS[stage.status] : nothing}<span class="number">${index + 1}</span></span>
      <div class="body">
        <span class="visually-hidden">${label ? msg(str`Stage ${index + 1} of ${total}: ${label}.`) : msg(str`Stage ${index + 1} of ${total}.`)}</span>
        ${
          isServer && hasDetails
            ? // Without a script: the stage's details in a native disclosure, which opens with no code.
              // Its summary holds the title, status and date in the order the script shows them, so
              // taking over moves nothing, opened or not. (Inline, so browser builds leave it out.)
              html`<details class="stage-details" data-stage=${stage.id}>
                <summary part="toggle" class="toggle">
                  <span class="toggle-title">${this.text(stage.title, 'title')}${icons.chevronIcon}</span>
                  ${renderStatus(stage, label, this.locale)}
                </summary>
                ${this.renderDetails(stage, `details-${index}`)}
              </details>`
            : this.renderToggle(stage, index, label, open, hasDetails)
        }
      </div>
    </li>`;
  }

  private renderToggle(stage: ReportStage, index: number, label: string | undefined, open: boolean, hasDetails: boolean): TemplateResult {
    const detailsId = `details-${index}`;
    return html`${
      hasDetails
        ? html`<button
              type="button"
              part="toggle"
              class="toggle"
              aria-expanded=${open ? 'true' : 'false'}
              aria-controls=${detailsId}
              @click=${() => this.toggle(stage.id)}
            >
              ${this.text(stage.title, 'title')}${icons.chevronIcon}
            </button>`
        : this.text(stage.title, 'title')
    }
        ${renderStatus(stage, label, this.locale)}
        ${hasDetails ? this.renderDetails(stage, detailsId, !open) : nothing}`;
  }

  private renderDetails(stage: ReportStage, id: string, hidden = false): TemplateResult {
    return html`<div id=${id} part="details" class="details" ?hidden=${hidden}>
      ${stage.description ? html`<p>${this.text(stage.description)}</p>` : nothing}
      ${
        stage.parties?.length
          ? html`<p class="parties-label">${msg('Parties involved:')}</p>
            <ul class="parties">
              ${stage.parties.map((p) => html`<li>${this.text(p)}</li>`)}
            </ul>`
          : nothing
      }
      ${renderDates(stage, this.locale)}
    </div>`;
  }

  /** Stages the reader opened before the script took over stay open. */
  protected override adoptServerState(root: ShadowRoot): void {
    const opened = [...root.querySelectorAll<HTMLDetailsElement>('details[data-stage][open]')].map((d) => d.dataset['stage']!);
    if (opened.length) this.expanded = new Set([...this.expanded, ...opened]);
  }

  private toggle(id: string): void {
    const next = new Set(this.expanded);
    const open = !next.delete(id);
    if (open) next.add(id);
    this.expanded = next;
    this.dispatchEvent(new LindungiStageToggleEvent({ stageId: id, open }));
  }
}
