import { css } from 'lit';

/** The widget's own styles; the rights' come with their views. */
export const rightsCardStyles = css`
  :host {
    --_loading-size: 24rem;
  }
`;
