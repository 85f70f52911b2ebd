/** A partner's own stages, checked one by one: loaded only where a page gives some. */
import { checkStage } from '../../sdk/stage-check.js';
import type { Row } from './stage-parts.js';

/**
 * A partner's stages as rows: each checked, a malformed or duplicate one kept in its place as
 * skipped (with a warning naming what is wrong), so the reader sees something is missing.
 */
export function checkedRows(list: unknown[], warn: (message: string) => void): Row[] {
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
