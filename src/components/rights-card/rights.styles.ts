import { css } from 'lit';

/** The rights' styles: they come with the rights' views, after the widget's own. */
export const rightsStyles = css`
  .intro {
    margin-block: 0.25rem var(--_space);
    color: var(--_muted);
  }
  .category {
    font-weight: 700;
    margin-block: var(--_space) 0.5rem;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .right {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    margin-block-end: 0.5rem;
  }
  .toggle {
    display: flex;
    inline-size: 100%;
    gap: 0.5rem;
    align-items: center;
    justify-content: space-between;
    text-align: start;
    border: 0;
    background: transparent;
    font-weight: 700;
    padding-block: 0.625rem;
    padding-inline: 0.875rem;
  }
  .toggle svg {
    transition: transform 0.15s;
  }
  .open .toggle svg {
    transform: rotate(180deg);
  }
  .summary,
  .details {
    margin: 0;
    padding-inline: 0.875rem;
  }
  .summary {
    padding-block-end: 0.75rem;
  }
  .details {
    padding-block-end: 0.875rem;
    border-block-start: 1px dashed var(--_border);
  }
  .details[hidden] {
    display: none;
  }
  .details p {
    margin-block: 0.625rem 0;
  }
  cite {
    font-style: normal;
    font-weight: 600;
  }
  .violated {
    margin-block-start: 0.75rem;
    padding: 0.75rem;
    border-inline-start: 4px solid var(--_danger);
    background: var(--_surface-alt);
    border-radius: var(--_radius);
  }
  .violated-title {
    margin: 0 !important;
  }
  .help-actions,
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-block-start: 0.5rem;
  }
  .help-actions button,
  .actions button,
  .share {
    display: inline-flex;
    gap: 0.375rem;
    align-items: center;
  }
  .share {
    margin-block-start: 0.75rem;
  }
  .inline-help a {
    display: inline-block;
    margin-inline-end: 0.75rem;
  }
  .source {
    color: var(--_muted);
    font-size: 0.8125em;
  }
  .wallet {
    max-inline-size: 24rem;
    padding: var(--_space);
    border: 2px solid var(--_danger);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .wallet-basis {
    margin-block: 0.25rem 0.75rem;
    font-size: 0.875em;
  }
  .wallet-rights li {
    display: flex;
    gap: 0.375rem;
    align-items: flex-start;
    margin-block-end: 0.25rem;
  }
  .wallet-rights svg {
    margin-block-start: 0.2em;
    color: var(--_success);
  }
  .wallet-help {
    margin-block: 0.75rem 0;
    padding-block-start: 0.5rem;
    border-block-start: 1px solid var(--_border);
  }
  .wallet-place,
  .wallet-note {
    display: block;
  }
  .wallet-place svg {
    vertical-align: -0.15em;
  }
  /* Call and WhatsApp links large enough for a thumb (44 × 44 px at least). */
  .wallet-line {
    display: flex;
    align-items: center;
    gap: 0.375rem;
    min-block-size: 44px;
    min-inline-size: 44px;
  }
  @media (prefers-reduced-motion: reduce) {
    .toggle svg {
      transition: none;
    }
  }
  @media (forced-colors: active) {
    .right,
    .wallet,
    .violated {
      border-color: CanvasText;
    }
  }
  @media print {
    :host {
      color: #000;
    }
    .base,
    .right,
    .wallet,
    .violated {
      background: #fff !important;
      color: #000 !important;
    }
    .right,
    .wallet {
      break-inside: avoid;
      border-color: #000;
    }
    button:not(.toggle),
    .actions,
    .help-actions,
    .toggle svg {
      display: none !important;
    }
    a,
    svg {
      color: #000 !important;
    }
  }
`;
