/**
 * A legal citation as the law writes it ("UU 18/2017 Pasal 6 ayat (1) huruf a"), never
 * translated, with a gloss in the reader's language ("Law 18/2017, Article 6(1)(a)") where the
 * citation has a form the gloss knows. Indonesian readers see the citation alone.
 */
import { html, type TemplateResult } from 'lit';
import { msg } from './msg.js';

const LAW = /^UU (\d+\/\d{4})(?: Pasal (.+))?$/;
const ONE_ARTICLE = /^(\d+)(?: ayat \((\d+)\))?(?: huruf ([a-z]))?$/;
const ARTICLES = /^\d+(?:[–-]\d+)?(?:, \d+(?:[–-]\d+)?)+$/;

// Numbers and references keep their order in a right-to-left sentence.
const ltr = (text: string) => html`<bdi dir="ltr">${text}</bdi>`;

function gloss(citation: string): TemplateResult | undefined {
  const law = LAW.exec(citation);
  if (!law) return undefined;
  const name = msg(html`Law ${ltr(law[1]!)}`, { id: 'cite-law' });
  const articles = law[2];
  if (articles === undefined) return name;
  const one = ONE_ARTICLE.exec(articles);
  if (one) {
    const [, article, paragraph, letter] = one;
    return msg(html`${name}, Article ${ltr(`${article}${paragraph ? `(${paragraph})` : ''}${letter ? `(${letter})` : ''}`)}`, { id: 'cite-article' });
  }
  return ARTICLES.test(articles) ? msg(html`${name}, Articles ${ltr(articles)}`, { id: 'cite-articles' }) : undefined;
}

/** The citation, in Indonesian and left to right whatever the widget's language, and its gloss. Call during render. */
export function renderCitation(citation: string, locale: string): TemplateResult {
  const cited = html`<cite lang="id" dir="ltr">${citation}</cite>`;
  const glossed = locale === 'id' ? undefined : gloss(citation);
  return glossed ? html`${cited} <span class="gloss">(${glossed})</span>` : cited;
}
