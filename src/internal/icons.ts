import { svg, type SVGTemplateResult } from 'lit';

/** Decorative icons, one export each (marked pure) so a bundle carries only those it uses; every one stands beside text that says the same, so they are hidden from AT. */
export const icon = (body: SVGTemplateResult) => svg`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${body}</svg>`;

export const alertIcon = /* @__PURE__ */ icon(
  svg`<path d="M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z"/><path d="M12 9v4M12 17h.01"/>`,
);
export const offlineIcon = /* @__PURE__ */ icon(
  svg`<path d="m2 2 20 20M8.5 16.5a5 5 0 0 1 7 0M5 13a10 10 0 0 1 5.2-2.8M19 13a10 10 0 0 0-2-1.5M2 8.8a15 15 0 0 1 4.2-2.6M22 8.8A15 15 0 0 0 10.7 5M12 20h.01"/>`,
);
export const closeIcon = /* @__PURE__ */ icon(svg`<path d="M18 6 6 18M6 6l12 12"/>`);
export const helpIcon = /* @__PURE__ */ icon(
  svg`<circle cx="12" cy="12" r="10"/><circle cx="12" cy="12" r="4"/><path d="m4.9 4.9 4.3 4.3M14.8 14.8l4.3 4.3M14.8 9.2l4.3-4.3M4.9 19.1l4.3-4.3"/>`,
);
export const retryIcon = /* @__PURE__ */ icon(svg`<path d="M21 12a9 9 0 1 1-2.6-6.4L21 8"/><path d="M21 3v5h-5"/>`);
export const chevronIcon = /* @__PURE__ */ icon(svg`<path d="m6 9 6 6 6-6"/>`);
export const printIcon = /* @__PURE__ */ icon(
  svg`<path d="M6 9V2h12v7M6 18H4a2 2 0 0 1-2-2v-5a2 2 0 0 1 2-2h16a2 2 0 0 1 2 2v5a2 2 0 0 1-2 2h-2"/><rect x="6" y="14" width="12" height="8"/>`,
);
export const shareIcon = /* @__PURE__ */ icon(
  svg`<circle cx="18" cy="5" r="3"/><circle cx="6" cy="12" r="3"/><circle cx="18" cy="19" r="3"/><path d="m8.6 13.5 6.8 4M15.4 6.5l-6.8 4"/>`,
);
export const reportIcon = /* @__PURE__ */ icon(svg`<path d="M4 22V4a1 1 0 0 1 1-1h11l-2 4 2 4H5"/>`);
export const stopIcon = /* @__PURE__ */ icon(svg`<rect x="5" y="5" width="14" height="14" rx="2"/>`);
