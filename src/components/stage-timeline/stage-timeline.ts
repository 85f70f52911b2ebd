import { nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { msg, str } from '../../internal/msg.js';
import { LindungiElement, booleanAttribute } from '../../internal/base-element.js';
import { baseStyles } from '../../internal/styles.js';
import type { ContentPack, Stage } from '../../sdk/schema.js';
import type { ReportStatusResponse } from '../../sdk/report-schema.js';
import { LindungiStageToggleEvent } from './events.js';
import { stageTimelineStyles } from './stage-timeline.styles.js';
import type { Row } from './stage-parts.js';
import { loadPart } from '../../sdk/parts.js';
import type { TimelineHost } from './views.js';

type Views = typeof import('./views.js');

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
  protected static override loadViews = (): Promise<Views> => import('./views.js');
  /** @internal */
  declare static views: Views | undefined;

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

  private custom?: { rows: Row[] } | { malformed: true } | { failed: unknown } | undefined;
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
    const stagesFailed = !!this.custom && 'failed' in this.custom;
    if (stagesFailed) {
      this.custom = undefined;
      void this.parseCustom();
    }
    if (this.failure !== undefined && this.contentState !== 'error') void this.loadReport();
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
    let check: typeof import('./stage-rows.js');
    try {
      check = await loadPart(() => import('./stage-rows.js'));
    } catch (error) {
      // Offline: "Try again" checks them again (never stuck on the placeholder).
      if (input !== this.stages) return;
      this.custom = { failed: error };
      this.failure = error;
      return;
    }
    if (input !== this.stages) return;
    const rows = check.checkedRows(list, (message) => this.warnOnce(message));
    this.custom = { rows };
  }

  /** Read the ticket's status through the widget's client; an answer for an older ticket or api is dropped. */
  private async loadReport(): Promise<void> {
    this.reportRequest?.abort();
    this.reportRequest = undefined;
    this.report = undefined;
    this.reportError = undefined;
    // A failed check of the partner's stages stays shown until "Try again".
    this.failure = this.custom && 'failed' in this.custom ? this.custom.failed : undefined;
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
    return this.views.shown(this.viewHost, pack)?.rows.length === 0;
  }

  protected override emptyMessage(): string {
    return msg('There are no stages to show yet.');
  }

  protected renderContent(pack: ContentPack): TemplateResult | typeof nothing {
    return this.views.renderContent(this.viewHost, pack);
  }

  private get views(): Views {
    return (this.constructor as typeof LindungiStageTimeline).views!;
  }

  /** What the views read of the widget and may ask of it. */
  private get viewHost(): TimelineHost {
    return {
      locale: this.locale,
      timeline: this.timeline,
      ticket: this.ticket,
      report: this.report,
      customRows: this.custom && 'rows' in this.custom ? this.custom.rows : undefined,
      hasCustomStages: this.hasCustomStages,
      heading: this.heading,
      currentStage: this.currentStage,
      compact: this.compact,
      expanded: this.expanded,
      level: (depth) => this.level(depth),
      text: (value, cls) => this.text(value, cls),
      toggle: (id) => this.toggle(id),
    };
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
