import { css } from 'lit';

/**
 * Design tokens and shared rules. Every colour has a light and a dark value: the widget follows
 * the host page's `color-scheme` (so it turns dark only where the page does), and system colours
 * take over in forced-colors mode.
 */
export const baseStyles = css`
  :host {
    display: block;
    font-family: var(--lindungi-font-family, inherit);
    font-size: var(--lindungi-font-size, 1rem);
    line-height: 1.5;
    color: var(--_text);
    --_text: var(--lindungi-color-text, light-dark(#1c1f23, #eceef0));
    --_muted: var(--lindungi-color-muted, light-dark(#4f5760, #b4bcc4));
    --_surface: var(--lindungi-color-surface, light-dark(#ffffff, #1b1f24));
    --_surface-alt: var(--lindungi-color-surface-alt, light-dark(#f3f5f7, #262b31));
    --_border: var(--lindungi-color-border, light-dark(#c9cfd6, #4a525b));
    --_accent: var(--lindungi-color-accent, light-dark(#0b5cad, #8cc4ff));
    --_on-accent: var(--lindungi-color-on-accent, light-dark(#ffffff, #0b1724));
    --_danger: var(--lindungi-color-danger, light-dark(#a4161a, #ff9a9e));
    --_success: var(--lindungi-color-success, light-dark(#1e6b34, #8fdca4));
    --_warning: var(--lindungi-color-warning, light-dark(#7a4d00, #f5c56b));
    --_focus: var(--lindungi-color-focus, light-dark(#0b5cad, #8cc4ff));
    --_radius: var(--lindungi-radius, 0.5rem);
    --_space: var(--lindungi-space, 1rem);
  }
  @supports not (color: light-dark(#000, #fff)) {
    :host {
      --_text: var(--lindungi-color-text, #1c1f23);
      --_muted: var(--lindungi-color-muted, #4f5760);
      --_surface: var(--lindungi-color-surface, #ffffff);
      --_surface-alt: var(--lindungi-color-surface-alt, #f3f5f7);
      --_border: var(--lindungi-color-border, #c9cfd6);
      --_accent: var(--lindungi-color-accent, #0b5cad);
      --_on-accent: var(--lindungi-color-on-accent, #ffffff);
      --_danger: var(--lindungi-color-danger, #a4161a);
      --_success: var(--lindungi-color-success, #1e6b34);
      --_warning: var(--lindungi-color-warning, #7a4d00);
      --_focus: var(--lindungi-color-focus, #0b5cad);
    }
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .base {
    overflow-wrap: anywhere;
    /* Khmer has no spaces between words: keep the browser's dictionary breaking, never clip. */
    word-break: normal;
  }
  /* Each widget's own heading; its level comes from heading-level. */
  .heading {
    font-size: 1.25em;
    font-weight: 700;
    line-height: 1.3;
  }
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  a {
    color: var(--_accent);
    text-underline-offset: 0.15em;
  }
  /* Khmer writes marks below its letters (subscript consonants, vowel signs): the underline goes
     below them (and, as by default, breaks where it would still cross one). */
  [lang='km'] a,
  [lang='km'] .channel-value {
    text-underline-offset: 0.45em;
  }
  a:focus-visible,
  button:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
    min-block-size: 44px;
    min-inline-size: 44px;
    padding-block: 0.5rem;
    padding-inline: 0.875rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  button.primary {
    background: var(--_accent);
    color: var(--_on-accent);
    border-color: var(--_accent);
  }
  svg.icon {
    inline-size: 1.25em;
    block-size: 1.25em;
    flex: none;
    vertical-align: -0.25em;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .notice {
    display: flex;
    gap: 0.5rem;
    align-items: flex-start;
    padding: calc(var(--_space) * 0.75);
    border: 1px solid var(--_border);
    border-inline-start-width: 4px;
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .notice.error {
    border-inline-start-color: var(--_danger);
  }
  .notice.offline {
    border-inline-start-color: var(--_warning);
  }
  .notice p {
    margin: 0;
  }
  /* A phone number is read and dialled as one piece: it never wraps inside itself. */
  .number {
    white-space: nowrap;
    overflow-wrap: normal;
  }
  .safety {
    margin-block-start: var(--_space);
    padding: calc(var(--_space) * 0.75);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .safety-title {
    font-weight: 700;
  }
  .safety ul {
    margin: 0.25rem 0 0;
    padding-inline-start: 1.25rem;
    list-style: disc;
  }
  .safety li + li {
    margin-block-start: 0.375rem;
  }
  .safety p {
    margin: 0;
  }
  .skeleton {
    display: block;
    min-block-size: var(--_loading-size, 12rem);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  @media (prefers-reduced-motion: no-preference) {
    .skeleton {
      animation: pulse 1.6s ease-in-out infinite;
    }
  }
  @keyframes pulse {
    50% {
      opacity: 0.55;
    }
  }
  @media (forced-colors: active) {
    .notice,
    button {
      border-color: CanvasText;
    }
    svg.icon {
      stroke: CanvasText;
    }
    a svg.icon {
      stroke: LinkText;
    }
  }
`;
