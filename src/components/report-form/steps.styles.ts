import { css } from 'lit';

/** The styles of the form's steps, added when the steps load. */
export const stepStyles = css`
  .progress {
    margin: 0;
    color: var(--_muted);
  }
  .steps {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    margin: 0.25rem 0 var(--_space);
    padding: 0;
    list-style: none;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .steps li[aria-current='step'] {
    color: var(--_text);
    font-weight: 700;
    text-decoration: underline 2px;
    text-underline-offset: 0.3em;
  }
  [lang='km'] .steps li[aria-current='step'] {
    text-underline-offset: 0.45em;
  }
  .step-heading {
    font-size: 1.375em;
    font-weight: 700;
    line-height: 1.3;
    margin-block-end: 0.5rem;
  }
  .consent-title {
    font-weight: 700;
    font-size: 1.125em;
  }
  .notice,
  .error-summary,
  .urgent,
  .confirm {
    margin-block: var(--_space);
  }
  .error-summary {
    padding: var(--_space);
    border: 3px solid var(--_danger);
    border-radius: var(--_radius);
  }
  .summary-title {
    font-weight: 700;
    font-size: 1.125em;
  }
  .error-summary ul {
    margin: 0.5rem 0 0;
    padding-inline-start: 1.25rem;
  }
  .error-summary a {
    color: var(--_danger);
    font-weight: 700;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-inline-size: 0;
  }
  legend {
    padding: 0;
    font-weight: 700;
    margin-block-end: 0.25rem;
  }
  .field {
    margin-block: 0 calc(var(--_space) * 1.5);
  }
  .field.invalid {
    border-inline-start: 4px solid var(--_danger);
    padding-inline-start: calc(var(--_space) * 0.75);
  }
  label {
    display: block;
    font-weight: 700;
  }
  .hint {
    margin: 0 0 0.25rem;
    color: var(--_muted);
  }
  .error-message {
    margin: 0 0 0.25rem;
    color: var(--_danger);
    font-weight: 700;
  }
  input:not([type='radio'], [type='checkbox']),
  select,
  textarea {
    font: inherit;
    color: inherit;
    background: var(--_surface);
    display: block;
    inline-size: 100%;
    max-inline-size: 32rem;
    min-block-size: 44px;
    padding: 0.5rem;
    border: 2px solid var(--_text);
    border-radius: calc(var(--_radius) / 2);
  }
  textarea {
    max-inline-size: none;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger) !important;
  }
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  [tabindex='-1']:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  input:disabled {
    opacity: 0.6;
  }
  .choice {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0 0.75rem;
    align-items: start;
    margin-block: 0.5rem;
  }
  .choice input {
    inline-size: 1.5rem;
    block-size: 1.5rem;
    margin: 10px 0 0;
    accent-color: var(--_accent);
  }
  /* Each answer's label is its target: a full row at least 44 px high, so a thumb cannot miss. */
  .choice label {
    display: flex;
    align-items: center;
    min-block-size: 44px;
    font-weight: 400;
  }
  .choice .hint {
    grid-column: 2;
    font-size: 0.9375em;
  }
  .count {
    margin: 0.25rem 0 0;
    color: var(--_muted);
  }
  .count.over {
    color: var(--_danger);
    font-weight: 700;
  }
  .conditional {
    border-inline-start: 4px solid var(--_border);
    padding-inline-start: var(--_space);
    margin-block-end: var(--_space);
  }
  .urgent {
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_danger);
    border-radius: var(--_radius);
  }
  .urgent p {
    margin-block: 0 0.75rem;
  }
  /* The form shows the safety advice once, below; the lines it embeds do not repeat it. */
  .urgent lindungi-hotline::part(safety) {
    display: none;
  }
  .exit-help {
    color: var(--_muted);
  }
  .phone-reading {
    margin: -0.5rem 0 var(--_space);
    font-weight: 700;
  }
  /* Links in the error summary and the consent are targets of their own (44 px high). */
  .error-summary a,
  .consent a,
  .safety a {
    display: inline-flex;
    align-items: center;
    min-block-size: 44px;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem var(--_space);
    align-items: center;
    margin-block: var(--_space);
  }
  button.link {
    border-color: transparent;
    background: none;
    color: var(--_accent);
    text-decoration: underline;
    text-underline-offset: 0.15em;
    padding-inline: 0.25rem;
  }
  button.danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_on-accent);
  }
  button:disabled {
    cursor: progress;
    opacity: 0.7;
  }
  .confirm {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    padding: var(--_space);
    border: 2px solid var(--_danger);
    border-radius: var(--_radius);
  }
  .confirm p {
    flex-basis: 100%;
    margin: 0;
    font-weight: 700;
  }
  .erase {
    margin-block-start: var(--_space);
    padding-block-start: 0.5rem;
    border-block-start: 1px solid var(--_border);
  }
  .answers {
    margin: 0 0 var(--_space);
  }
  .answers .row {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0 var(--_space);
    padding-block: 0.5rem;
    border-block-end: 1px solid var(--_border);
  }
  .answers dt {
    font-weight: 700;
    grid-column: 1;
  }
  .answers dd {
    margin: 0;
    grid-column: 1;
  }
  .answers dd.change {
    grid-column: 2;
    grid-row: 1 / span 2;
    align-self: center;
  }
  .pre {
    white-space: pre-wrap;
  }
  @container (min-width: 40rem) {
    .answers .row {
      grid-template-columns: 14rem 1fr auto;
    }
    .answers dd {
      grid-column: 2;
    }
    .answers dd.change {
      grid-column: 3;
      grid-row: 1;
    }
  }
  .consent {
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    margin-block-end: var(--_space);
  }
  .consent ul {
    padding-inline-start: 1.25rem;
  }
  .consent li + li {
    margin-block-start: 0.375rem;
  }
  .citation {
    margin: 0;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .demo {
    display: block;
  }
  .done {
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_success);
    border-radius: var(--_radius);
  }
  .done.queued {
    border-inline-start-color: var(--_warning);
  }
  .ticket-label {
    margin: 0;
    font-weight: 700;
  }
  .ticket {
    margin: 0.25rem 0 0.5rem;
    font-size: 2em;
    font-weight: 700;
    letter-spacing: 0.05em;
    font-family: ui-monospace, 'DejaVu Sans Mono', monospace;
    user-select: all;
    overflow-wrap: normal;
  }
  @media (forced-colors: active) {
    button.danger {
      border: 2px solid ButtonText;
    }
    .steps li[aria-current='step'] {
      text-decoration-color: CanvasText;
    }
  }
`;
