import { css } from 'lit';

/** The widget's own styles: the floating button and its panel; the lines' styles come with their views. */
export const hotlineStyles = css`
  :host {
    --_loading-size: 14rem;
  }
  .launcher {
    position: fixed;
    inset-block-end: max(1rem, env(safe-area-inset-bottom));
    inset-inline-end: 1rem;
    z-index: 2147483000;
    display: inline-flex;
    gap: 0.5rem;
    align-items: center;
    border-radius: 999px;
    padding-inline: 1.25rem;
    font-weight: 700;
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.3);
  }
  .room {
    block-size: calc(3.5rem + max(1rem, env(safe-area-inset-bottom)));
  }
  dialog,
  .panel {
    inline-size: min(36rem, 100vw - 1rem);
    max-block-size: min(44rem, 100dvh - 1rem);
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    color: var(--_text);
  }
  /* The server's rendering, before the script: a disclosure in place of the dialog. */
  summary.launcher {
    list-style: none;
    cursor: pointer;
    min-block-size: 44px;
    border: 1px solid;
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .panel {
    position: fixed;
    inset-block-end: 5rem;
    inset-inline-end: 0.5rem;
    z-index: 2147483000;
    overflow: auto;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.5);
  }
  .dialog-bar {
    display: flex;
    justify-content: flex-end;
  }
  .close {
    display: inline-flex;
    gap: 0.375rem;
    align-items: center;
  }
  @media (forced-colors: active) {
    dialog {
      border-color: CanvasText;
    }
  }
`;
