// A chart's export menu: a PNG at twice the screen's resolution on the background shown, a CSV of the plotted
// series, and a PyTorch + matplotlib script that redraws the view. There is no SVG: the chart is drawn on a
// canvas, and the menu says so (the script saves SVG from matplotlib). Files leave through blob: URLs and
// <a download>, so this works from file:// and under the page's Content-Security-Policy.
import { el } from '../page/dom.js';
import { themeColours } from './line-chart.js';

function download(blob, file) {
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: file, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

// Redraws the chart at 2 × the device pixel ratio, copies it over the card's background colour, and draws it
// back at the screen's resolution.
function savePng(chart, file) {
  const previous = chart.options.devicePixelRatio;
  chart.options.devicePixelRatio = 2 * (window.devicePixelRatio || 1);
  chart.resize();
  const image = document.createElement('canvas');
  Object.assign(image, { width: chart.canvas.width, height: chart.canvas.height });
  const g = image.getContext('2d');
  g.fillStyle = themeColours().surface || '#ffffff';
  g.fillRect(0, 0, image.width, image.height);
  g.drawImage(chart.canvas, 0, 0);
  chart.options.devicePixelRatio = previous;
  chart.resize();
  image.toBlob((blob) => blob && download(blob, file), 'image/png');
}

// The menu for `chart`. view() returns what to export for the view shown — {file, csv, script} (file without
// extension) — or null while the figure's settings are invalid, when nothing is exported. With `code: false`
// (the demos, whose numbers come from the page's own training code) there is no script, and the menu says why.
export function exportMenu(chart, t, view, { code = true } = {}) {
  const status = el('p', { class: 'field-message export-status', role: 'status' });
  const item = (key, action) => {
    const button = el('button', { type: 'button', class: `export-${key}`, i18n: `export.${key}` });
    button.addEventListener('click', () => {
      const current = view();
      status.textContent = current ? '' : t('export.unavailable');
      if (current) action(current);
    });
    return button;
  };
  const copy = ({ file, script }) => {
    const fallback = () => {
      download(new Blob([script], { type: 'text/x-python' }), `${file}.py`);
      status.textContent = t('export.downloaded', { file: `${file}.py` });
    };
    if (!navigator.clipboard?.writeText) return fallback();
    navigator.clipboard.writeText(script).then(() => { status.textContent = t('export.copied'); }, fallback);
  };
  const items = [
    item('png', ({ file }) => savePng(chart, `${file}.png`)),
    item('csv', ({ file, csv }) => download(new Blob([csv], { type: 'text/csv' }), `${file}.csv`)),
    code ? item('code', copy) : null,
  ];
  return el('details', { class: 'export-menu' }, [
    el('summary', { i18n: 'export.menu' }),
    el('div', { class: 'export-items' }, items),
    el('p', { class: 'export-note', i18n: 'export.svgNote' }),
    code ? null : el('p', { class: 'export-note', i18n: 'export.noCode' }),
    status,
  ]);
}
