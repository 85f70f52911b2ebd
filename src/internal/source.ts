import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from './msg.js';
import { formatDate } from './format.js';
import type { Source } from '../sdk/schema.js';

/**
 * "Source: suara.com, published 28 Oct 2025. Checked against the source on 27 Nov 2026." The
 * publisher links only to a page that holds the statement; the statement's own date comes first,
 * because it says how old the fact is. Call during render (the texts follow the widget's locale).
 */
export function renderSource(source: Source, locale: string, checked?: string): TemplateResult {
  const publisher = source.url ? html`<a href=${source.url} target="_blank" rel="noopener noreferrer">${source.publisher}</a>` : source.publisher;
  const published = source.published ? html`, ${msg(str`published ${formatDate(source.published, locale)}`)}` : nothing;
  const check = checked ? html` ${msg(str`Checked against the source on ${formatDate(checked, locale)}.`)}` : nothing;
  return html`${msg('Source:')} ${publisher}${published}.${check}`;
}
