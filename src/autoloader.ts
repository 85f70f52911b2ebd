/**
 * The autoloader (`dist/cdn/autoloader.js`): one script tag for pages that use only some widgets.
 * It loads the entry of each `lindungi-*` element present on the page, and of each one added later
 * (a MutationObserver), once; widgets absent from the page cost nothing. It holds no Lit and no
 * widget code: each widget comes from its own entry beside this file.
 *
 * Elements inside a partner's own shadow roots are not seen; load their entries directly.
 */
const ENTRIES: Record<string, string> = {
  'lindungi-hotline': './hotline.js',
  'lindungi-rights-card': './rights-card.js',
  'lindungi-stage-timeline': './stage-timeline.js',
  'lindungi-report-form': './report-form.js',
};
const SELECTOR = Object.keys(ENTRIES).join(',');
const requested = new Set<string>();

/** Load the entry of every widget in `root` (itself included) not yet requested or defined. */
function discover(root: Element | Document): void {
  const found = [...root.querySelectorAll(SELECTOR)];
  if (root instanceof Element && root.matches(SELECTOR)) found.push(root);
  for (const element of found) {
    const tag = element.localName;
    if (requested.has(tag) || customElements.get(tag)) continue;
    requested.add(tag);
    // Resolved against this file: the entries sit beside it on the partner's CDN.
    import(/* @vite-ignore */ new URL(ENTRIES[tag], import.meta.url).href).catch((error: unknown) => {
      requested.delete(tag);
      console.warn(`lindungi: could not load <${tag}>`, error);
    });
  }
}

if (!(globalThis as { __lindungiAutoloader?: boolean }).__lindungiAutoloader) {
  (globalThis as { __lindungiAutoloader?: boolean }).__lindungiAutoloader = true;
  discover(document);
  new MutationObserver((records) => {
    if (requested.size === Object.keys(ENTRIES).length) return;
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) discover(node);
  }).observe(document.documentElement, { childList: true, subtree: true });
}
