/** The timeline's rows as data, and the check of a partner's own stages. */
import type { Source, Stage, Text } from '../../sdk/schema.js';

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
