import { safeParse } from 'valibot';
import { StageSchema, type Stage } from './schema.js';
import { toIssues } from './validate.js';
import type { ValidationIssue } from './errors.js';

/** Check one custom stage against the schema (a bad stage is skipped in place, not the whole list). */
export function checkStage(input: unknown): { success: true; output: Stage } | { success: false; issues: ValidationIssue[] } {
  const result = safeParse(StageSchema, input);
  return result.success ? { success: true, output: result.output } : { success: false, issues: toIssues(result.issues) };
}
