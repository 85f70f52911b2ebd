/**
 * What the reporter reads of a report by its ticket: its stages, each done, current or upcoming
 * (or its end), and the caseworkers' latest public note. Nothing the reporter wrote.
 */
import { REPORT_STAGES } from 'lindungi/sdk';
import type { StageRecord } from './store/contract.js';

/**
 * A report's stages, as the reporter reads them. The stage that matches the status is current, the
 * ones before it done, the ones after it upcoming; `resolved` is the end, so every stage is done.
 * A closed or withdrawn report lists the stages it reached, then its end as a final state of its
 * own: nothing is in progress and nothing reads as skipped.
 *
 *
 * @param updatedAt when the status last changed (a withdrawal has no stage record of its own)
 */
export function stagesOf(status: string, reached: StageRecord[], updatedAt: string) {
  const byStage = new Map(reached.map((r) => [r.stage, r]));
  const recorded = (id: string) => {
    const record = byStage.get(id);
    return record ? { date: record.at, ...(record.publicNote ? { note: record.publicNote } : {}) } : {};
  };
  if (status === 'closed' || status === 'withdrawn') {
    const done = REPORT_STAGES.filter((id) => byStage.has(id)).map((id) => ({ id, status: 'done', ...recorded(id) }));
    return [...done, { id: status, status: 'ended', date: updatedAt, ...recorded(status) }];
  }
  const index = REPORT_STAGES.indexOf(status as (typeof REPORT_STAGES)[number]);
  const end = index === REPORT_STAGES.length - 1;
  return REPORT_STAGES.map((id, i) => ({
    id,
    status: i < index || end ? 'done' : i === index ? 'current' : 'upcoming',
    ...(i <= index ? recorded(id) : {}),
  }));
}

/**
 * The caseworkers' latest public note, with its date and who wrote it: what the reporter came for.
 */
export function latestNoteOf(reached: StageRecord[], by: string | Record<string, string> | undefined) {
  const last = reached.filter((r) => r.publicNote).at(-1);
  return last ? { text: last.publicNote as string, at: last.at, stage: last.stage, ...(by ? { by } : {}) } : undefined;
}
