import { waitUntil } from '@open-wc/testing';

/** Wait until a widget has left its loading state. */
export async function ready(el: HTMLElement & { updateComplete: Promise<boolean> }): Promise<void> {
  await waitUntil(() => el.shadowRoot?.querySelector('[part="base"]')?.getAttribute('aria-busy') === 'false', 'widget did not finish loading', { timeout: 5000 });
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
