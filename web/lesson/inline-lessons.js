// The one-file build carries every language's pre-rendered lesson: the root language as the page, the others
// as <template data-lesson="<lang>"> (scripts/build-single.mjs). When boot.js has asked for one of those
// (`?lang=` naming it), this puts its lesson in place of the page's before any figure mounts.
export function swapInlineLesson(doc = document) {
  const html = doc.documentElement;
  const lang = html.dataset.swapTo;
  if (!lang) return;
  const template = /** @type {HTMLTemplateElement | null} */ (doc.querySelector(`template[data-lesson="${CSS.escape(lang)}"]`));
  if (template) {
    const first = doc.body.querySelector(':scope > template, :scope > script');
    for (const node of [...doc.body.childNodes]) {
      if (node === first) break;
      node.remove();
    }
    doc.body.insertBefore(template.content.cloneNode(true), first);
    html.lang = template.dataset.htmlLang;
    html.dataset.lang = lang;
    doc.title = template.dataset.title;
    doc.querySelector('meta[name="description"]')?.setAttribute('content', template.dataset.description);
  }
  delete html.dataset.swapTo;
  html.classList.remove('lesson-swap');
}
