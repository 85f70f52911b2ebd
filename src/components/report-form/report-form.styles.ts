import { css } from 'lit';

/** The shell's own styles: the heading and "Exit now". The steps bring theirs (steps.styles.ts). */
export const reportFormStyles = css`
  :host {
    --_loading-size: 24rem;
    container-type: inline-size;
  }
  .heading {
    margin-block-end: var(--_space);
  }
  /*
   * "Exit now" has a row of its own that stays at the top while the reader scrolls: large enough
   * for a thumb, in the same place on every step, and never over a heading, a label or an answer.
   */
  .exit-bar {
    position: sticky;
    inset-block-start: 0;
    z-index: 1;
    display: flex;
    justify-content: flex-end;
    padding-block: 0.5rem;
    margin-block-end: 0.25rem;
    background: var(--_surface);
  }
  .exit {
    min-block-size: 48px;
    font-weight: 700;
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_on-accent);
  }
  /* "Exit now" as a link, in the server's rendering before the script runs. */
  a.exit {
    display: inline-flex;
    align-items: center;
    padding-inline: 0.875rem;
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
    text-decoration: none;
  }
  /* What the form scrolls to or focuses comes to rest below the exit row, not under it. */
  .form :is([tabindex='-1'], label, legend, input, select, textarea, button, a, .field, .question) {
    scroll-margin-block-start: 5rem;
  }
  @media (forced-colors: active) {
    .exit {
      border: 2px solid ButtonText;
    }
  }
`;
