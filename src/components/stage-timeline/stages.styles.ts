import { css } from 'lit';

/** The stages' styles: they come with the stages' views, after the widget's own. */
export const stagesStyles = css`
  .description {
    margin-block: 0.25rem var(--_space);
    color: var(--_muted);
  }
  .stages {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .stage {
    position: relative;
    display: flex;
    gap: 0.75rem;
    padding-block-end: var(--_space);
  }
  /* The connector runs from each marker to the next, on the inline-start side (mirrors in RTL). */
  .stage:not(:last-child)::before {
    content: '';
    position: absolute;
    inset-inline-start: calc(1.25rem - 1px);
    inset-block: 2.5rem 0;
    border-inline-start: 2px solid var(--_border);
  }
  .stage.done:not(:last-child)::before {
    border-inline-start-color: var(--_success);
  }
  .marker {
    flex: none;
    display: inline-flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    inline-size: 2.5rem;
    block-size: 2.5rem;
    border: 2px solid var(--_border);
    border-radius: 50%;
    background: var(--_surface);
    color: var(--_muted);
    font-size: 0.75em;
    font-weight: 700;
    line-height: 1;
  }
  .marker svg {
    inline-size: 1.1em;
    block-size: 1.1em;
  }
  .done .marker {
    border-color: var(--_success);
    color: var(--_success);
  }
  .current .marker {
    border-color: var(--_accent);
    color: var(--_accent);
    border-width: 3px;
  }
  .blocked .marker,
  .skipped .marker {
    border-color: var(--_danger);
    color: var(--_danger);
  }
  .not-started .marker {
    border-style: dashed;
  }
  .ended .marker {
    border-color: var(--_text);
    color: var(--_text);
  }
  .reached {
    font-size: 0.875em;
    color: var(--_muted);
  }
  /* The caseworkers' latest message: open, above the stages, what the reporter came for. */
  .latest-note {
    margin-block: 0 var(--_space);
    padding: 0.75rem;
    border-inline-start: 4px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .latest-note p {
    margin: 0;
  }
  .note-meta {
    font-size: 0.875em;
    color: var(--_muted);
  }
  .note-text {
    margin-block-start: 0.25rem;
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  .body {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    min-inline-size: 0;
    padding-block-start: 0.5rem;
  }
  .title {
    font-weight: 700;
  }
  /* A ticket in a heading breaks between words, never inside itself. */
  .ticket {
    white-space: nowrap;
  }
  .toggle {
    display: inline-flex;
    gap: 0.375rem;
    align-items: center;
    padding: 0;
    min-block-size: 44px;
    border: 0;
    background: transparent;
    text-align: start;
  }
  .toggle svg {
    transition: transform 0.15s;
  }
  .toggle[aria-expanded='true'] svg,
  details[open] > .toggle svg {
    transform: rotate(180deg);
  }
  /* The server's rendering, before the script: a native disclosure in place of the button. */
  summary.toggle {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 0;
    cursor: pointer;
    list-style: none;
  }
  .toggle-title {
    display: inline-flex;
    gap: 0.375rem;
    align-items: center;
    min-block-size: 44px;
  }
  summary.toggle::-webkit-details-marker {
    display: none;
  }
  .status {
    font-size: 0.875em;
    color: var(--_muted);
  }
  .current .status {
    color: var(--_accent);
    font-weight: 700;
  }
  .blocked .status {
    color: var(--_danger);
    font-weight: 700;
  }
  .details[hidden] {
    display: none;
  }
  .details p {
    margin-block: 0.375rem 0;
  }
  .parties {
    margin-block: 0.25rem 0;
    padding-inline-start: 1.25rem;
  }
  .dates span {
    display: block;
  }
  .skipped .body {
    color: var(--_danger);
  }
  .updated {
    margin: 0;
    color: var(--_muted);
    font-size: 0.8125em;
  }
  /* Wide containers: stages side by side, connectors between markers. Not for long lists or compact. */
  @container (min-width: 40rem) {
    .timeline:not(.many, .compact) .stages {
      display: flex;
    }
    .timeline:not(.many, .compact) .stage {
      flex: 1 1 0;
      flex-direction: column;
      padding-inline-end: 0.75rem;
    }
    .timeline:not(.many, .compact) .stage:not(:last-child)::before {
      inset-inline-start: 2.75rem;
      inset-inline-end: 0.5rem;
      inset-block: calc(1.25rem - 1px) auto;
      border-inline-start: 0;
      border-block-start: 2px solid var(--_border);
    }
    .timeline:not(.many, .compact) .stage.done:not(:last-child)::before {
      border-block-start-color: var(--_success);
    }
  }
  .compact {
    font-size: 0.9375em;
  }
  .compact .marker {
    inline-size: 2rem;
    block-size: 2rem;
  }
  .compact .stage:not(:last-child)::before {
    inset-inline-start: calc(1rem - 1px);
    inset-block-start: 2rem;
  }
  @media (prefers-reduced-motion: reduce) {
    .toggle svg {
      transition: none;
    }
  }
  @media (forced-colors: active) {
    .marker {
      border-color: CanvasText;
    }
    .stage:not(:last-child)::before {
      border-color: CanvasText;
    }
  }
`;
