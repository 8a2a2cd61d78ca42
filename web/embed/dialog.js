// The "Embed" dialog: a ready <iframe> snippet for one view, the optional auto-height script line, a preview
// link and copy buttons. A native modal <dialog>: focus moves in on open, Esc closes, focus returns after.
import { el, uniqueId } from '../page/dom.js';

// Text safe inside a double-quoted HTML attribute.
const attributeText = (text) => String(text).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// The <iframe> markup a teacher pastes into a course page.
function iframeSnippet({ url, title, height }) {
  return `<iframe src="${attributeText(url)}" title="${attributeText(title)}" width="100%" height="${Math.round(height)}" `
    + 'loading="lazy" style="border:0;max-width:100%"></iframe>';
}

// The <script> line that lets the host page resize the frame to fit (dist/activation-lab-embed.js).
const parentScriptSnippet = (scriptUrl) => `<script src="${attributeText(scriptUrl)}" defer></script>`;

// Copies `text`; where the Clipboard API is missing or refused, selects it in `field` for Ctrl+C instead.
async function copyText(text, field) {
  try {
    await navigator.clipboard.writeText(text);
    return 'copied';
  } catch {
    field.focus();
    field.select();
    return 'selected';
  }
}

function snippetBlock(labelKey, t, rows) {
  const id = uniqueId('embed-code');
  const field = el('textarea', { id, class: 'embed-code', readonly: true, rows, spellcheck: 'false' });
  const copy = el('button', { type: 'button', class: 'embed-copy', i18n: 'embed.copy' });
  const status = el('span', { class: 'embed-copy-status', role: 'status' });
  copy.addEventListener('click', async () => {
    status.textContent = t(await copyText(field.value, field) === 'copied' ? 'embed.copied' : 'embed.selected');
  });
  field.addEventListener('focus', () => field.select());
  return {
    field, status,
    block: el('div', { class: 'embed-block' }, [el('label', { for: id, i18n: labelKey }), field, el('div', { class: 'embed-actions' }, [copy, status])]),
  };
}

// Creates the dialog once (appended to <body>); `open({url, title, height, scriptUrl, opener})` fills and shows it.
export function createEmbedDialog(t, applyStrings) {
  const titleId = uniqueId('embed-title');
  const frame = snippetBlock('embed.snippetLabel', t, 4);
  const script = snippetBlock('embed.scriptLabel', t, 2);
  const preview = el('a', { class: 'embed-preview', target: '_blank', rel: 'noopener', i18n: 'embed.preview' });
  const fileNote = el('p', { class: 'embed-file-note', i18n: 'embed.fileNote' });
  const close = el('button', { type: 'button', class: 'embed-close', i18n: 'embed.close' });
  const dialog = el('dialog', { class: 'embed-dialog', 'aria-labelledby': titleId }, [
    el('h2', { id: titleId, i18n: 'embed.title' }),
    el('p', { i18n: 'embed.intro' }),
    fileNote,
    frame.block,
    el('p', { class: 'embed-hint', i18n: 'embed.scriptHint' }),
    script.block,
    el('p', { class: 'embed-hint', i18n: 'embed.paramsHint' }),
    el('div', { class: 'embed-footer' }, [preview, close]),
  ]);
  let opener = null;
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    opener?.focus();
    opener = null;
  });
  document.body.append(dialog);

  return {
    element: dialog,
    open({ url, title, height, scriptUrl, opener: from }) {
      opener = from ?? null;
      applyStrings(dialog);
      frame.field.value = iframeSnippet({ url, title, height });
      script.field.value = parentScriptSnippet(scriptUrl);
      frame.status.textContent = '';
      script.status.textContent = '';
      preview.href = url;
      fileNote.hidden = !/^file:/.test(url);
      dialog.showModal();
      frame.field.focus();
    },
  };
}
