/** Sharing a right: the system's share sheet, else its link copied. */
import type { Right } from '../../sdk/schema.js';
import { pickText } from '../../sdk/text.js';

/**
 * Shares the link to `right` on this page; answers `shared` (or cancelled), `copied`, or the link
 * when neither worked (the reader copies it by hand).
 */
export async function shareRight(right: Right, locale: string): Promise<'shared' | 'copied' | { link: string }> {
  // The page's address without its query (which may carry a partner's tracking or a session),
  // plus the right's fragment.
  const url = new URL(location.pathname, location.origin);
  url.hash = `right-${right.id}`;
  const data = { title: pickText(right.title, locale), text: pickText(right.summary, locale), url: url.href };
  if (navigator.share && (!navigator.canShare || navigator.canShare(data))) {
    try {
      await navigator.share(data);
      return 'shared';
    } catch (error) {
      if ((error as Error).name === 'AbortError') return 'shared';
    }
  }
  try {
    await navigator.clipboard.writeText(url.href);
    return 'copied';
  } catch {
    return { link: url.href };
  }
}
