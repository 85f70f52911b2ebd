/** The timeline's rows as data. */
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
