import { svg, type SVGTemplateResult } from 'lit';

/** Decorative icons, one export each (marked pure) so a bundle carries only those it uses; every one stands beside text that says the same, so they are hidden from AT. */
const icon = (body: SVGTemplateResult) => svg`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${body}</svg>`;

export const phoneIcon = /* @__PURE__ */ icon(
  svg`<path d="M22 16.9v3a2 2 0 0 1-2.2 2 19.8 19.8 0 0 1-8.6-3.1 19.5 19.5 0 0 1-6-6A19.8 19.8 0 0 1 2.1 4.2 2 2 0 0 1 4.1 2h3a2 2 0 0 1 2 1.7c.1.9.4 1.8.7 2.7a2 2 0 0 1-.5 2.1L8 9.8a16 16 0 0 0 6 6l1.3-1.3a2 2 0 0 1 2.1-.4c.9.3 1.8.6 2.7.7a2 2 0 0 1 1.7 2z"/>`,
);
export const chatIcon = /* @__PURE__ */ icon(svg`<path d="M21 11.5a8.4 8.4 0 0 1-12.4 7.4L3 21l2.1-5.6A8.4 8.4 0 1 1 21 11.5z"/>`);
export const smsIcon = /* @__PURE__ */ icon(
  svg`<path d="M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z"/><path d="M8 10h.01M12 10h.01M16 10h.01"/>`,
);
export const emailIcon = /* @__PURE__ */ icon(svg`<rect x="2" y="4" width="20" height="16" rx="2"/><path d="m22 7-10 6L2 7"/>`);
export const webIcon = /* @__PURE__ */ icon(
  svg`<circle cx="12" cy="12" r="10"/><path d="M2 12h20M12 2a15.3 15.3 0 0 1 4 10 15.3 15.3 0 0 1-4 10 15.3 15.3 0 0 1-4-10 15.3 15.3 0 0 1 4-10z"/>`,
);
export const copyIcon = /* @__PURE__ */ icon(
  svg`<rect x="9" y="9" width="13" height="13" rx="2"/><path d="M5 15H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h9a2 2 0 0 1 2 2v1"/>`,
);
export const checkIcon = /* @__PURE__ */ icon(svg`<path d="M20 6 9 17l-5-5"/>`);
export const alertIcon = /* @__PURE__ */ icon(
  svg`<path d="M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z"/><path d="M12 9v4M12 17h.01"/>`,
);
export const offlineIcon = /* @__PURE__ */ icon(
  svg`<path d="m2 2 20 20M8.5 16.5a5 5 0 0 1 7 0M5 13a10 10 0 0 1 5.2-2.8M19 13a10 10 0 0 0-2-1.5M2 8.8a15 15 0 0 1 4.2-2.6M22 8.8A15 15 0 0 0 10.7 5M12 20h.01"/>`,
);
export const clockIcon = /* @__PURE__ */ icon(svg`<circle cx="12" cy="12" r="10"/><path d="M12 6v6l4 2"/>`);
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
export const circleIcon = /* @__PURE__ */ icon(svg`<circle cx="12" cy="12" r="9"/>`);
export const dashedCircleIcon = /* @__PURE__ */ icon(svg`<circle cx="12" cy="12" r="9" stroke-dasharray="3 3"/>`);
export const stopIcon = /* @__PURE__ */ icon(svg`<rect x="5" y="5" width="14" height="14" rx="2"/>`);
export const placeIcon = /* @__PURE__ */ icon(svg`<path d="M20 10c0 6-8 12-8 12S4 16 4 10a8 8 0 0 1 16 0z"/><circle cx="12" cy="10" r="3"/>`);
