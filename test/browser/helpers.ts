import { waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';

/** Wait until a widget has left its loading state. */
export async function ready(el: HTMLElement & { updateComplete: Promise<boolean> }): Promise<void> {
  await waitUntil(() => el.shadowRoot?.querySelector('[part="base"]')?.getAttribute('aria-busy') === 'false', 'widget did not finish loading', {
    timeout: 5000,
  });
  await el.updateComplete;
}

/** Visible text of a node, whitespace folded. */
export function text(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Collect console warnings (the widgets warn once per problem) until `restore()`. */
export function captureWarnings(): { messages: string[]; restore: () => void } {
  const original = console.warn;
  const messages: string[] = [];
  console.warn = (...args: unknown[]) => {
    messages.push(args.map((a) => (a instanceof Error ? a.message : String(a))).join(' '));
  };
  return { messages, restore: () => (console.warn = original) };
}

/** The driver cannot emulate media here (Firefox over WebDriver BiDi has no such command). */
const unsupported = (error: unknown) => error instanceof Error && /CDP support is required/.test(error.message);

/**
 * A reader whose system prefers dark colours. Chromium emulates it; the Firefox run is launched
 * with that preference (web-test-runner.config.mjs), which is then checked, not assumed.
 * Answers the undo.
 */
export async function preferDarkColours(): Promise<() => Promise<void>> {
  try {
    await emulateMedia({ colorScheme: 'dark' });
    return async () => void (await emulateMedia({ colorScheme: 'light' }));
  } catch (error) {
    if (!unsupported(error) || !matchMedia('(prefers-color-scheme: dark)').matches) throw error;
    return async () => undefined;
  }
}

/**
 * The page as printed. Chromium emulates print media; where the driver cannot, every
 * `@media print` rule of the document and of the given shadow roots is applied as it would be
 * when printing, in a sheet after the others. Answers the undo.
 */
export async function printMedia(shadowRoots: ShadowRoot[]): Promise<() => Promise<void>> {
  try {
    await emulateMedia({ media: 'print' });
    return async () => void (await emulateMedia({ media: 'screen' }));
  } catch (error) {
    if (!unsupported(error)) throw error;
  }
  const roots: (Document | ShadowRoot)[] = [document, ...shadowRoots];
  const added = roots.map((root) => {
    const rules = [...root.adoptedStyleSheets, ...root.styleSheets]
      .flatMap((sheet) => [...sheet.cssRules])
      .filter((rule): rule is CSSMediaRule => rule instanceof CSSMediaRule && /\bprint\b/.test(rule.media.mediaText));
    const sheet = new CSSStyleSheet();
    for (const rule of rules) for (const inner of rule.cssRules) sheet.insertRule(inner.cssText, sheet.cssRules.length);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return [root, sheet] as const;
  });
  return async () => {
    for (const [root, sheet] of added) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
  };
}
