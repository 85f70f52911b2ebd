/** The desk page's styles: plain, readable, in light and dark. */
import { css } from 'lit';

export const deskStyles = css`
  :host {
    display: block;
    max-inline-size: 72rem;
    margin: 0 auto;
    padding: 1rem;
    font-family: system-ui, sans-serif;
    line-height: 1.5;
    color: light-dark(#1c1f23, #eceef0);
  }
  header {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
    justify-content: space-between;
    border-block-end: 1px solid #8a939c;
    margin-block-end: 1rem;
  }
  h1 {
    font-size: 1.375rem;
    margin: 0.5rem 0;
  }
  h2 {
    font-size: 1.25rem;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
  }
  button {
    min-block-size: 44px;
    padding-inline: 0.875rem;
    border: 1px solid #5d656e;
    border-radius: 0.375rem;
    background: light-dark(#fff, #1b1f24);
    color: inherit;
    cursor: pointer;
  }
  button.primary {
    background: #0b5cad;
    border-color: #0b5cad;
    color: #fff;
  }
  button.link {
    border-color: transparent;
    background: none;
    color: light-dark(#0b5cad, #8cc4ff);
    text-decoration: underline;
    padding-inline: 0.25rem;
  }
  a {
    color: light-dark(#0b5cad, #8cc4ff);
  }
  a.button {
    display: inline-flex;
    align-items: center;
    min-block-size: 44px;
    padding-inline: 0.875rem;
    border: 1px solid #5d656e;
    border-radius: 0.375rem;
    color: inherit;
    text-decoration: none;
  }
  :focus-visible {
    outline: 3px solid light-dark(#0b5cad, #8cc4ff);
    outline-offset: 2px;
  }
  label {
    display: block;
    font-weight: 700;
    margin-block-start: 0.75rem;
  }
  .row label {
    margin-block-start: 0;
  }
  input:not([type='checkbox']),
  select,
  textarea {
    display: block;
    inline-size: 100%;
    max-inline-size: 36rem;
    min-block-size: 44px;
    padding: 0.375rem;
    border: 2px solid currentColor;
    border-radius: 0.25rem;
    background: transparent;
    color: inherit;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 1rem;
    align-items: end;
    margin-block-end: 1rem;
  }
  .check {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    font-weight: 400;
  }
  table {
    border-collapse: collapse;
    inline-size: 100%;
  }
  th,
  td {
    text-align: start;
    padding: 0.5rem;
    border-block-end: 1px solid #8a939c;
    vertical-align: top;
  }
  .danger {
    font-weight: 700;
    color: light-dark(#a4161a, #ff9a9e);
  }
  .message {
    padding: 0.75rem;
    border: 1px solid #5d656e;
    border-inline-start: 4px solid #0b5cad;
    margin-block: 1rem;
  }
  .message.error {
    border-inline-start-color: #a4161a;
  }
  dl {
    display: grid;
    grid-template-columns: minmax(8rem, 14rem) 1fr;
    gap: 0.25rem 1rem;
  }
  dt {
    font-weight: 700;
  }
  dd {
    margin: 0;
    white-space: pre-wrap;
  }
  section {
    margin-block: 1.5rem;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
