import { css } from 'lit';

/** The help lines' styles: they come with the lines' views, after the widget's own. */
export const linesStyles = css`
  .heading {
    margin-block-end: calc(var(--_space) * 0.5);
  }
  .group-title {
    font-weight: 700;
    margin-block: var(--_space) calc(var(--_space) * 0.5);
  }
  .note {
    margin-block: 0 var(--_space);
    color: var(--_muted);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .hotline {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    margin-block-end: calc(var(--_space) * 0.75);
  }
  .hotline.emergency {
    border-inline-start: 4px solid var(--_danger);
  }
  .hotline-head {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    align-items: center;
  }
  .organisation {
    font-weight: 700;
    font-size: 1.0625em;
  }
  .badge {
    display: inline-flex;
    gap: 0.25rem;
    align-items: center;
    padding-inline: 0.5rem;
    border: 1px solid var(--_danger);
    border-radius: 999px;
    color: var(--_danger);
    font-size: 0.875em;
    font-weight: 600;
  }
  .description,
  .languages,
  .hours {
    margin-block: 0.375rem 0;
  }
  .hours {
    display: flex;
    gap: 0.375rem;
    align-items: flex-start;
    color: var(--_muted);
  }
  .hours.open {
    color: var(--_success);
  }
  .channels {
    display: grid;
    gap: 0.5rem;
    margin-block-start: 0.75rem;
    container-type: inline-size;
  }
  /*
   * The copy button has the same place on every line: beside it, or below it where the column is
   * too narrow for a whole number and the button side by side (a number is never cut).
   */
  .channel-row {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 0.5rem;
  }
  @container (max-width: 26rem) {
    .channel-row {
      grid-template-columns: minmax(0, 1fr);
    }
    .copy {
      justify-self: start;
    }
  }
  .channel {
    display: flex;
    gap: 0.625rem;
    align-items: center;
    min-block-size: 44px;
    padding-block: 0.375rem;
    padding-inline: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    text-decoration: none;
  }
  a.channel:hover {
    background: var(--_surface-alt);
  }
  /* A place to go is read, not tapped: no link colour, no underline, the whole row for the words. */
  .in-person {
    grid-template-columns: minmax(0, 1fr);
  }
  .place {
    border-style: dashed;
  }
  .place-source {
    margin: 0;
    color: var(--_muted);
    font-size: 0.8125em;
  }
  .channel-text {
    display: flex;
    flex-direction: column;
    min-inline-size: 0;
  }
  /* Addresses wrap at the <wbr> after each dot or slash; a word is broken only if nothing else fits. */
  .address {
    overflow-wrap: break-word;
  }
  .channel-label {
    color: var(--_text);
    font-size: 0.875em;
  }
  .channel-value {
    font-weight: 700;
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  .copy {
    display: inline-flex;
    gap: 0.375rem;
    align-items: center;
    color: var(--_accent);
  }
  .reach {
    grid-column: 1 / -1;
    margin: 0;
    color: var(--_warning);
    font-size: 0.875em;
  }
  .source {
    margin-block: 0.75rem 0;
    color: var(--_muted);
    font-size: 0.8125em;
  }
  @media (forced-colors: active) {
    .hotline,
    .channel,
    .badge {
      border-color: CanvasText;
    }
    .hotline.emergency {
      border-inline-start-color: CanvasText;
    }
  }
`;
