import { css } from 'lit';

/** The widget's own styles; the stages' come with their views. */
export const stageTimelineStyles = css`
  :host {
    --_loading-size: 16rem;
    container-type: inline-size;
  }
`;
