/**
 * A server-rendered widget's own rendering replacing the server's, in one step (no frame shows
 * neither), keeping where the reader's focus was. Loaded only on pages that have one.
 */
export function takeOver(root: ShadowRoot, serverNodes: ChildNode[], render: () => void): void {
  const focused = root.activeElement;
  const id = focused?.id;
  const part = focused?.getAttribute('part');
  const index = part ? [...root.querySelectorAll(`[part="${part}"]`)].indexOf(focused!) : -1;
  for (const node of serverNodes) node.remove();
  render();
  // A field by its id (a radio of the form's first step), anything else by its part.
  ((id && root.getElementById(id)) || (part ? root.querySelectorAll<HTMLElement>(`[part="${part}"]`)[index] : undefined))?.focus();
}
