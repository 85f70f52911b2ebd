import { svg } from 'lit';
import { icon } from './icons.js';

/** Icons that only a widget's content shows (its lines, stages and steps): they come with its views. */
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
export const clockIcon = /* @__PURE__ */ icon(svg`<circle cx="12" cy="12" r="10"/><path d="M12 6v6l4 2"/>`);
export const circleIcon = /* @__PURE__ */ icon(svg`<circle cx="12" cy="12" r="9"/>`);
export const dashedCircleIcon = /* @__PURE__ */ icon(svg`<circle cx="12" cy="12" r="9" stroke-dasharray="3 3"/>`);
export const placeIcon = /* @__PURE__ */ icon(svg`<path d="M20 10c0 6-8 12-8 12S4 16 4 10a8 8 0 0 1 16 0z"/><circle cx="12" cy="10" r="3"/>`);
