/**
 * What the timeline shows once its content is here: the stages with their status in words and as
 * an icon, their details, dates and sources, and a report's latest public note. Loaded with the
 * content rather than in the entry, so that a page with the timeline alone downloads less before
 * anything shows.
 */
import { html, isServer, nothing, type SVGTemplateResult, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '../../internal/msg.js';
import { renderSource } from '../../internal/notes.js';
import * as icons from '../../internal/icons.js';
import * as contentIcons from '../../internal/content-icons.js';
import { formatDate } from '../../internal/format.js';
import { pickText } from '../../sdk/text.js';
import type { ContentPack, Stage, StageStatus, Text } from '../../sdk/schema.js';
import type { ReportStatusResponse } from '../../sdk/report-schema.js';
import { isSkipped, type ReportStage, type Row, type Shown } from './stage-parts.js';

/** The stages' styles, added to the widget's when the views arrive. */
export { stagesStyles as styles } from './stages.styles.js';

/** What the views read of the timeline and may ask of it. */
export interface TimelineHost {
  readonly locale: string;
  readonly timeline: string | undefined;
  readonly ticket: string | undefined;
  readonly report: ReportStatusResponse | undefined;
  /** The partner's own stages, once checked; undefined while they are checked or when there are none. */
  readonly customRows: Row[] | undefined;
  readonly hasCustomStages: boolean;
  readonly heading: string | undefined;
  readonly currentStage: string | undefined;
  readonly compact: boolean;
  readonly expanded: ReadonlySet<string>;
  level(depth?: number): number;
  text(value: Text | undefined, cls?: string): TemplateResult;
  toggle(id: string): void;
}

/** The rows the timeline shows: a report's, the partner's, or the pack timeline's. */
export function shown(h: TimelineHost, pack: ContentPack): Shown | undefined {
  if (h.ticket) return h.report ? reportRows(h.report) : undefined;
  // Custom stages are checked asynchronously (the schema loads on first use).
  if (h.hasCustomStages) return h.customRows ? { rows: h.customRows, title: h.heading } : undefined;
  const timeline = pack.timelines.find((t) => t.id === h.timeline);
  if (!timeline) return undefined;
  return {
    title: timeline.title,
    description: timeline.description,
    rows: placeReader(
      [...timeline.stages].sort((a, b) => (a.order ?? 0) - (b.order ?? 0)),
      h.currentStage,
    ),
    updated: timeline.updated,
    source: timeline.source,
    verified: timeline.verified,
  };
}

export function renderContent(h: TimelineHost, pack: ContentPack): TemplateResult | typeof nothing {
  const rows = shown(h, pack);
  // Waiting for a ticket's status or for custom stages to be checked is the loading state (see
  // isLoading), so there is always something to show here.
  if (!rows) return nothing;
  const total = rows.rows.length;
  const row = (r: Row, index: number) => (isSkipped(r) ? renderSkipped(index, total) : renderStage(h, r, index, total));
  const title = h.ticket ? msg(html`Progress of report ${html`<bdi dir="ltr" class="ticket">${h.ticket.toUpperCase()}</bdi>`}`) : undefined;
  return html`<section aria-labelledby="heading" class="timeline ${total > 6 ? 'many' : ''} ${h.compact ? 'compact' : ''}">
    <div role="heading" aria-level=${h.level()} id="heading" part="heading" class="heading">
      ${title ?? (rows.title ? h.text(rows.title) : msg('Progress'))}
    </div>
    ${rows.description ? html`<p class="description">${h.text(rows.description)}</p>` : nothing}
    ${h.ticket ? renderLatestNote(h.report, h.locale) : nothing}
    <ol part="stages" class="stages" role="list">
      ${
        // On the server the rows are rendered here, in the widget's locale: Lit's server renderer
        // would call a repeat() callback later, outside it.
        isServer ? rows.rows.map(row) : repeat(rows.rows, (r) => r.id, row)
      }
    </ol>
    ${
      rows.updated || rows.source
        ? html`<p part="updated" class="updated">
          ${rows.updated ? msg(str`Last updated ${formatDate(rows.updated.slice(0, 10), h.locale)}.`) : nothing}
          ${rows.source ? renderSource(rows.source, h.locale, rows.verified) : nothing}
        </p>`
        : nothing
    }
  </section>`;
}

/** What the reporter came for: the caseworkers' latest public note, open, dated, with who wrote it. */
function renderStage(h: TimelineHost, stage: ReportStage, index: number, total: number): TemplateResult {
  // A stage without a status is a phase to read about: numbered, with no claim of progress.
  const label = stage.ended ? msg('Final state') : stage.status ? statusLabel(stage.status) : undefined;
  const open = h.expanded.has(stage.id);
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
                <span class="toggle-title">${h.text(stage.title, 'title')}${icons.chevronIcon}</span>
                ${renderStatus(stage, label, h.locale)}
              </summary>
              ${renderDetails(h, stage, `details-${index}`)}
            </details>`
          : renderToggle(h, stage, index, label, open, hasDetails)
      }
    </div>
  </li>`;
}

function renderToggle(h: TimelineHost, stage: ReportStage, index: number, label: string | undefined, open: boolean, hasDetails: boolean): TemplateResult {
  const detailsId = `details-${index}`;
  return html`${
    hasDetails
      ? html`<button
            type="button"
            part="toggle"
            class="toggle"
            aria-expanded=${open ? 'true' : 'false'}
            aria-controls=${detailsId}
            @click=${() => h.toggle(stage.id)}
          >
            ${h.text(stage.title, 'title')}${icons.chevronIcon}
          </button>`
      : h.text(stage.title, 'title')
  }
      ${renderStatus(stage, label, h.locale)}
      ${hasDetails ? renderDetails(h, stage, detailsId, !open) : nothing}`;
}

function renderDetails(h: TimelineHost, stage: ReportStage, id: string, hidden = false): TemplateResult {
  return html`<div id=${id} part="details" class="details" ?hidden=${hidden}>
    ${stage.description ? html`<p>${h.text(stage.description)}</p>` : nothing}
    ${
      stage.parties?.length
        ? html`<p class="parties-label">${msg('Parties involved:')}</p>
          <ul class="parties">
            ${stage.parties.map((p) => html`<li>${h.text(p)}</li>`)}
          </ul>`
        : nothing
    }
    ${renderDates(stage, h.locale)}
  </div>`;
}

const STATUS_ICONS: Record<StageStatus, SVGTemplateResult> = {
  done: contentIcons.checkIcon,
  current: contentIcons.clockIcon,
  upcoming: contentIcons.circleIcon,
  blocked: icons.alertIcon,
  'not-started': contentIcons.dashedCircleIcon,
};

/** A stage's status in words, beside its icon (never colour alone). */
function statusLabel(status: StageStatus): string {
  switch (status) {
    case 'done':
      return msg('Done');
    case 'current':
      return msg('In progress');
    case 'upcoming':
      return msg('Upcoming');
    case 'blocked':
      return msg('Blocked');
    case 'not-started':
      return msg('Not started');
  }
}

/** The caseworkers' latest public note, with who wrote it and when. */
function renderLatestNote(report: ReportStatusResponse | undefined, locale: string): TemplateResult | typeof nothing {
  const note = report?.latestNote;
  if (!note) return nothing;
  const date = formatDate(note.at.slice(0, 10), locale);
  const by = note.by ? pickText(note.by, locale) : undefined;
  return html`<div class="latest-note" part="latest-note">
    <p class="note-meta">${by ? msg(str`Latest message from ${by}, ${date}:`) : msg(str`Latest message, ${date}:`)}</p>
    <p class="note-text" dir="auto">${note.text}</p>
  </div>`;
}

/** A stage that could not be shown, in its place. */
function renderSkipped(index: number, total: number): TemplateResult {
  return html`<li part="skipped" class="stage skipped">
    <span class="marker" part="marker" aria-hidden="true">${icons.alertIcon}</span>
    <div class="body">
      <span class="visually-hidden">${msg(str`Stage ${index + 1} of ${total}:`)}</span>
      <span>${msg('This stage could not be shown because its data is incomplete.')}</span>
    </div>
  </li>`;
}

/** A stage's start, end and target dates. */
function renderDates(stage: Stage, locale: string) {
  const dates = stage.dates;
  if (!dates) return nothing;
  const d = (iso: string) => formatDate(iso, locale);
  return html`<p class="dates">
    ${dates.start ? html`<span>${msg(str`Started ${d(dates.start)}`)}</span>` : nothing}
    ${dates.end ? html`<span>${msg(str`Ended ${d(dates.end)}`)}</span>` : nothing}
    ${dates.target ? html`<span>${msg(str`Target date ${d(dates.target)}`)}</span>` : nothing}
  </p>`;
}

/** A report's progress as rows: each reached stage with its date and note, or its end. */
function reportRows(report: ReportStatusResponse): Shown {
  const labels: Record<string, string> = {
    received: msg('Report received'),
    verified: msg('Report checked'),
    'in-handling': msg('Being handled'),
    resolved: msg('Resolved'),
    closed: msg('Closed'),
    withdrawn: msg('Withdrawn by you'),
  };
  const latest = report.latestNote;
  return {
    // A withdrawn or closed report says so first: it is a final state, not work still to come.
    description:
      report.status === 'withdrawn'
        ? msg('This report was withdrawn by the person who sent it. Nothing more will be done with it.')
        : report.status === 'closed'
          ? msg('This report was closed by the organisation handling it.')
          : undefined,
    // Each reached stage with its date; older notes stay with their stages, the latest is shown open above.
    rows: report.stages.map((s, i) => ({
      id: s.id,
      order: i,
      title: labels[s.id] ?? s.id,
      status: s.status === 'ended' ? 'done' : s.status,
      ended: s.status === 'ended',
      reached: s.date,
      description: s.note && !(latest && latest.stage === s.id && latest.text === s.note) ? s.note : undefined,
    })),
    updated: report.updated,
  };
}

/** Stages without a status of their own get one from `current-stage`, if it names one of them. */
function placeReader(stages: Stage[], currentStage: string | undefined): Stage[] {
  const at = stages.findIndex((stage) => stage.id === currentStage);
  if (at < 0) return stages;
  return stages.map((stage, i) => (stage.status ? stage : { ...stage, status: i < at ? 'done' : i === at ? 'current' : 'upcoming' }));
}

/** A stage's status and the date it was reached, under its title. */
function renderStatus(stage: ReportStage, label: string | undefined, locale: string): TemplateResult {
  return html`${label ? html`<span part="status" class="status" aria-hidden="true">${label}</span>` : nothing}
  ${stage.reached ? html`<span class="reached">${formatDate(stage.reached.slice(0, 10), locale)}</span>` : nothing}`;
}
