/**
 * A server-rendered widget's own rendering replacing the server's, in one step (no frame shows
 * neither), keeping where the reader's focus was. Loaded only on pages that have one.
 */
export function takeOver(root: ShadowRoot, serverNodes: ChildNode[], render: () => void): void {
  const focused = root.activeElement;
  const part = focused?.getAttribute('part');
  const index = part ? [...root.querySelectorAll(`[part="${part}"]`)].indexOf(focused!) : -1;
  for (const node of serverNodes) node.remove();
  render();
  if (part) root.querySelectorAll<HTMLElement>(`[part="${part}"]`)[index]?.focus();
}
