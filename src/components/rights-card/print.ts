/** Set on the card being printed, and on `<html>`, while the print dialog is open. */
export const PRINTING_ATTRIBUTE = 'data-lindungi-printing';

let installed = false;

/**
 * One page-level style sheet (constructed, so it works under a strict CSP): while a card prints,
 * everything else on the page is hidden and the card is placed at the top of the first page.
 */
export function ensurePrintStyles(): void {
  if (installed) return;
  installed = true;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`@media print {
    html[${PRINTING_ATTRIBUTE}] body * { visibility: hidden !important; }
    html[${PRINTING_ATTRIBUTE}] [${PRINTING_ATTRIBUTE}], html[${PRINTING_ATTRIBUTE}] [${PRINTING_ATTRIBUTE}] * { visibility: visible !important; }
    html[${PRINTING_ATTRIBUTE}] [${PRINTING_ATTRIBUTE}] { position: absolute !important; inset-block-start: 0; inset-inline-start: 0; inline-size: 100%; }
  }`);
  // Where :has() is known, the rest of the page is taken out of the layout too: no blank pages.
  try {
    sheet.insertRule(
      `@media print { html[${PRINTING_ATTRIBUTE}] body *:not([${PRINTING_ATTRIBUTE}]):not(:has([${PRINTING_ATTRIBUTE}])) { display: none !important; } }`,
      sheet.cssRules.length,
    );
  } catch {
    /* older browsers: the hidden page only keeps its space */
  }
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
