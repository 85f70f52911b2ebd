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
  /* Large enough for a thumb, in the same place on every step, and in view while the reader scrolls. */
  .exit {
    float: inline-end;
    margin-inline-start: var(--_space);
    position: sticky;
    inset-block-start: 0.5rem;
    z-index: 1;
    min-block-size: 48px;
    font-weight: 700;
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_on-accent);
  }
  @media (forced-colors: active) {
    .exit {
      border: 2px solid ButtonText;
    }
  }
`;
