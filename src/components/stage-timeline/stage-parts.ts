/**
 * The timeline's rows as data, and the parts it renders with no state of its own: a status in
 * words and as an icon, a stage that could not be shown, its dates, and the latest public note.
 */
import { html, nothing, type SVGTemplateResult, type TemplateResult } from 'lit';
import { msg, str } from '../../internal/msg.js';
import * as icons from '../../internal/icons.js';
import { formatDate } from '../../internal/format.js';
import { pickText } from '../../sdk/text.js';
import type { Source, Stage, StageStatus, Text } from '../../sdk/schema.js';
import type { ReportStatusResponse } from '../../sdk/report-schema.js';

/** A stage that could not be shown, kept in its place so the reader sees something is missing. */
export interface SkippedStage {
  skipped: true;
  id: string;
  reason: string;
}
/** A report's stage: when it was reached; `ended` for its final state (closed or withdrawn). */
export type ReportStage = Stage & { reached?: string | undefined; ended?: boolean | undefined };
export type Row = ReportStage | SkippedStage;

export interface Shown {
  title?: Text | undefined;
  description?: Text | undefined;
  rows: Row[];
  updated?: string | undefined;
  source?: Source | undefined;
  verified?: string | undefined;
}

export const isSkipped = (row: Row): row is SkippedStage => 'skipped' in row;

export const STATUS_ICONS: Record<StageStatus, SVGTemplateResult> = {
  done: icons.checkIcon,
  current: icons.clockIcon,
  upcoming: icons.circleIcon,
  blocked: icons.alertIcon,
  'not-started': icons.dashedCircleIcon,
};

/** A stage's status in words, beside its icon (never colour alone). */
export function statusLabel(status: StageStatus): string {
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
export function renderLatestNote(report: ReportStatusResponse | undefined, locale: string): TemplateResult | typeof nothing {
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
export function renderSkipped(index: number, total: number): TemplateResult {
  return html`<li part="skipped" class="stage skipped">
    <span class="marker" part="marker" aria-hidden="true">${icons.alertIcon}</span>
    <div class="body">
      <span class="visually-hidden">${msg(str`Stage ${index + 1} of ${total}:`)}</span>
      <span>${msg('This stage could not be shown because its data is incomplete.')}</span>
    </div>
  </li>`;
}

/** A stage's start, end and target dates. */
export function renderDates(stage: Stage, locale: string) {
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
export function reportRows(report: ReportStatusResponse): Shown {
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
export function placeReader(stages: Stage[], currentStage: string | undefined): Stage[] {
  const at = stages.findIndex((stage) => stage.id === currentStage);
  if (at < 0) return stages;
  return stages.map((stage, i) => (stage.status ? stage : { ...stage, status: i < at ? 'done' : i === at ? 'current' : 'upcoming' }));
}

/**
 * A partner's stages as rows: each checked, a malformed or duplicate one kept in its place as
 * skipped (with a warning naming what is wrong), so the reader sees something is missing.
 */
export function checkedRows(list: unknown[], checkStage: typeof import('../../sdk/stage-check.js').checkStage, warn: (message: string) => void): Row[] {
  const seen = new Set<string>();
  const rows: Row[] = list.map((item: unknown, index) => {
    const result = checkStage(item);
    const id = (item as { id?: unknown })?.id;
    const key = typeof id === 'string' && id ? id : `#${index + 1}`;
    if (!result.success) {
      const problems = result.issues.map((i) => `${i.path}: ${i.message}`).join('; ');
      warn(`stage ${index + 1} (${key}) was skipped: ${problems}`);
      return { skipped: true, id: `skipped-${index}`, reason: problems };
    }
    if (seen.has(result.output.id)) {
      warn(`stage ${index + 1} was skipped: duplicate id "${result.output.id}".`);
      return { skipped: true, id: `skipped-${index}`, reason: 'duplicate id' };
    }
    seen.add(result.output.id);
    return result.output;
  });
  return rows;
}
