// The "Embed" buttons, one per embeddable part (each function's chart, the neuron, compare, summary and each
// demo), placed after the part's heading. The build writes them into the page (web/prerender.js), so they take
// their place before any script runs; web/embed/index.js gives them their dialog.
import { el } from '../page/dom.js';

// [heading, part, target] for every embeddable part of `document`.
function embeddableParts(document, rows) {
  const ids = new Set(rows.map((r) => r.id));
  const found = [];
  for (const article of document.querySelectorAll('article[data-fn]')) {
    if (ids.has(article.dataset.fn)) found.push([article.querySelector('h2, h3, h4'), 'fn', article.dataset.fn]);
  }
  for (const part of ['neuron', 'compare', 'summary']) found.push([document.querySelector(`section#${part} > h2`), part, '']);
  for (const container of document.querySelectorAll('[data-demo]')) {
    found.push([container.closest('section')?.querySelector('h3'), 'demo', container.dataset.demo]);
  }
  return found.filter(([heading]) => heading);
}

// A question's button goes at the end of its own box, described by its legend.
function placeQuestionButtons(document) {
  for (const box of document.querySelectorAll('[data-figure="question"][data-q]')) {
    box.append(el('button', { type: 'button', class: 'embed-button', i18n: 'embed.button', 'data-embed-part': 'question',
      'data-embed-target': box.dataset.q, 'aria-describedby': box.querySelector('legend')?.id || undefined }));
  }
}

// Writes a button after each embeddable part's heading (its text comes from the `embed.button` string).
export function placeEmbedButtons(document, rows) {
  for (const [heading, part, target] of embeddableParts(document, rows)) {
    const button = el('button', { type: 'button', class: 'embed-button', i18n: 'embed.button', 'data-embed-part': part,
      'data-embed-target': target || undefined, 'aria-describedby': heading.id || undefined });
    heading.after(button);
  }
  placeQuestionButtons(document);
}
