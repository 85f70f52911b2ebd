/** The library version, written into every registered class so a second copy can compare. */
export const VERSION = '0.1.0';

const warned = new Set<string>();

/**
 * Register `tag` once. A second copy of Lindungi on the same page (two partners' snippets) does
 * nothing; if its version differs, one warning says so. Never throws.
 */
export function defineElement(tag: string, element: CustomElementConstructor & { version?: string }): void {
  const existing = customElements.get(tag) as (CustomElementConstructor & { version?: string }) | undefined;
  if (existing) {
    if (existing !== element && existing.version !== element.version && !warned.has(tag)) {
      warned.add(tag);
      console.warn(
        `[lindungi] <${tag}> is already defined by Lindungi ${existing.version ?? '(unknown version)'}; this copy (${element.version ?? 'unknown'}) is not used.`,
      );
    }
    return;
  }
  customElements.define(tag, element);
}
