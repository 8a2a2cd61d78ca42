// Embedding: with `?embed=1` the page shows one part (a function's chart, its try-it box, the neuron, the
// compare chart, the summary table or a demo) without the lesson text, hides and locks controls as the URL
// says, and reports its height to the embedding page. Without it, every part gets an "Embed" button whose
// dialog offers the <iframe> snippet for the current view.
import { demos } from '../demos/index.js';
import { el } from '../page/dom.js';
import { applyStrings, t } from '../page/i18n.js';
import { applyControlRules } from './controls.js';
import { createEmbedDialog } from './dialog.js';
import { partStateNames, resolvePart } from './embed-state.js';
import { postHeightChanges } from './height.js';

// The file name of the parent script in dist/ (scripts/build.mjs copies web/embed/parent-resize.js there).
const parentScriptName = 'activation-lab-embed.js';

// Heights for the snippet when the part cannot be measured yet (measured at 720 px wide, rounded); the
// parent script or Canvas then fits the frame to the real height.
const snippetHeights = { fn: 560, try: 880, neuron: 900, compare: 900, summary: 900, demo: 800, question: 420 };
const snippetHeightLimits = [320, 1000];
// Room for the embed's padding and its "open the full lesson" line.
const embedChrome = 80;

// A starting height for the frame: what the part takes on this page now, else the table above.
function snippetHeight(part, state) {
  const measured = partElements(part, state).filter(Boolean).reduce((sum, e) => sum + e.getBoundingClientRect().height, 0);
  const height = measured > 200 ? Math.ceil(measured + embedChrome) : snippetHeights[part];
  return Math.min(snippetHeightLimits[1], Math.max(snippetHeightLimits[0], height));
}

// The elements an embed of `part` keeps: a heading and the part's figure, and for a function its formula.
function partElements(part, state) {
  const first = (selector) => document.querySelector(selector);
  switch (part) {
    case 'fn':
    case 'try': {
      // The reader's own formula has its own section, outside the catalogue's.
      const article = first(state.fn === 'custom' ? '#custom article' : `article[data-fn="${CSS.escape(state.fn)}"]`);
      if (!article) return [];
      const figure = article.querySelector(`[data-figure="${part === 'fn' ? (state.fn === 'custom' ? 'custom' : 'curve') : 'try-it'}"]`);
      if (!figure) return [];
      return [article.querySelector('h2, h3, h4'), part === 'fn' ? article.querySelector('.formula') : null, figure];
    }
    case 'question': {
      const question = first(`[data-figure="question"][data-q="${CSS.escape(state.q)}"]`);
      return question ? [question] : [];
    }
    case 'demo': {
      const demo = first(`[data-demo="${CSS.escape(state.demo)}"]`);
      return demo ? [demo.closest('section')?.querySelector('h2, h3'), demo] : [];
    }
    default: {
      const section = first(`section#${part}`);
      const figure = section?.querySelector(`[data-figure="${part}"]`);
      return figure ? [section.querySelector('h2'), figure] : [];
    }
  }
}

// Hides everything in <body> except `kept` (and what lies inside them) and the ancestors leading to them.
function hideAllBut(kept) {
  const onPath = new Set();
  for (const element of kept) {
    for (let node = element; node && node !== document.body; node = node.parentElement) onPath.add(node);
  }
  const keptSet = new Set(kept);
  for (const node of [document.body, ...onPath]) {
    if (keptSet.has(node)) continue;
    for (const child of node.children) {
      // The load status stays: it is empty once the page runs, and shows a fatal error if there is one.
      if (onPath.has(child) || child.tagName === 'SCRIPT' || child.id === 'load-status') continue;
      child.hidden = true;
      child.classList.add('embed-hidden');
    }
  }
}

// The kept headings come from deep in the lesson (an h3 under a hidden h2): their levels are restated with
// aria-level so that, under the page's h1, the embed's outline starts at 2 and never skips a level.
function outlineUnderTitle(kept) {
  const headings = kept.flatMap((k) => (k.matches('h2, h3, h4, h5, h6') ? [k] : [...k.querySelectorAll('h2, h3, h4, h5, h6')]));
  const levels = headings.map((h) => Number(h.tagName[1]));
  const top = Math.min(...levels);
  headings.forEach((h, i) => h.setAttribute('aria-level', String(levels[i] - top + 2)));
}

// The page URL showing `part` in embed mode with the current state of that part (and nothing else).
function embedUrl(schema, state, rows, part, target, pageUrl = location.href) {
  const sub = { embed: true, part, lang: state.lang };
  const always = ['embed', 'part', 'lang'];
  if (part === 'fn' || part === 'try') {
    sub.fn = target;
    always.push('fn');
  }
  if (part === 'demo') {
    sub.demo = target;
    always.push('demo');
  }
  if (part === 'question') {
    sub.q = target;
    always.push('q');
  }
  const names = schema.props.map((p) => p.name);
  for (const name of partStateNames(part, { ...state, ...sub }, rows, names)) sub[name] = state[name];
  // The embed's own words first, so a teacher reading the link sees what it shows before its settings.
  const written = new URLSearchParams(schema.write(sub, always));
  const ordered = new URLSearchParams();
  for (const name of [...always, ...written.keys()]) if (written.has(name) && !ordered.has(name)) ordered.set(name, written.get(name));
  const url = new URL(pageUrl);
  url.search = ordered.toString().replace(/%2C/g, ',');
  url.hash = '';
  return url.href;
}

function startEmbedMode(api, state, { kept }) {
  if (!kept.length) return { figures: () => [] };
  const main = document.getElementById('main') ?? document.body;
  const fullUrl = new URL(location.href);
  for (const name of ['embed', 'part', 'hide', 'lock', 'id']) fullUrl.searchParams.delete(name);
  const footer = el('p', { class: 'embed-credit' }, [
    state.lock ? el('span', { class: 'embed-locked-note', i18n: 'embed.lockedNote' }) : null,
    el('a', { href: fullUrl.href, target: '_blank', rel: 'noopener', i18n: 'embed.openFull' }),
  ]);
  applyStrings(footer);
  main.append(footer);

  const rules = { hide: state.hide, locked: state.lock };
  const figureRoots = kept.filter((k) => k.matches('[data-figure], [data-demo]'));
  const apply = () => {
    kept.forEach((root) => applyControlRules(root, rules));
    outlineUnderTitle(kept);
  };
  // Figures build their controls and headings when they mount (later), and some rebuild them: apply each time.
  const observer = new MutationObserver(apply);
  for (const root of kept) observer.observe(root, { childList: true, subtree: true });
  apply();
  // Heights are posted once the part's figures are built, so the host never sees the half-built page.
  const mounted = () => figureRoots.every((root) => root.dataset.mounted === 'true');
  const startPosting = () => postHeightChanges(document.body, { id: state.id > 0 ? state.id : undefined });
  if (mounted()) startPosting();
  else {
    const waiting = new MutationObserver(() => {
      if (!mounted()) return;
      waiting.disconnect();
      startPosting();
    });
    for (const root of figureRoots) waiting.observe(root, { attributes: true, attributeFilter: ['data-mounted'] });
  }
  return { figures: (all) => all.filter((f) => figureRoots.some((root) => root === f || root.contains(f))) };
}

// Gives every pre-rendered Embed button (web/embed/buttons.js) its dialog with the snippet for the current view.
function wireEmbedButtons(api, schema) {
  let dialog = null;
  for (const button of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('button.embed-button[data-embed-part]'))) {
    const part = button.dataset.embedPart;
    const target = button.dataset.embedTarget ?? '';
    const heading = button.previousElementSibling;
    const question = button.closest('[data-figure="question"]')?.querySelector('legend');
    const title = () => api.rowById.get(target)?.name ?? question?.textContent ?? heading?.textContent ?? '';
    button.addEventListener('click', () => {
      dialog ??= createEmbedDialog(t, applyStrings);
      const state = api.state();
      dialog.open({
        url: embedUrl(schema, state, api.rows, part, target),
        title: t('embed.frameTitle', { name: title() }),
        height: snippetHeight(part, { ...state, fn: target, demo: target, q: target }),
        scriptUrl: new URL(parentScriptName, siteRootUrl()).href,
        opener: button,
      });
    });
  }
}

// The site's root folder (where app.js lives): a language's page may sit in a folder of its own.
function siteRootUrl() {
  const app = [...document.scripts].find((s) => /(^|\/)app\.js$/.test(s.getAttribute('src') ?? ''));
  return app ? new URL('.', app.src).href : location.href;
}

// Arranges embed mode from the state alone, before the module has loaded, so the embedded part is the first
// thing painted (boot.js keeps the page invisible until then). Returns what setUpEmbedding needs later.
export function arrangeEmbedView(state) {
  if (!state.embed) return null;
  const part = resolvePart(state);
  const kept = partElements(part, state).filter(Boolean);
  document.documentElement.classList.add('embed-mode');
  document.body.dataset.embedPart = kept.length ? part : 'none';
  if (kept.length) {
    // The page title stays for screen readers (a page needs its h1), out of sight.
    const title = document.querySelector('h1');
    title?.classList.add('visually-hidden');
    hideAllBut([...kept, title].filter(Boolean));
    outlineUnderTitle(kept);
  }
  document.documentElement.classList.remove('embed-arranging');
  return { part, kept };
}

// Sets up embed mode (arranged already by arrangeEmbedView) or the Embed buttons, before figures mount.
// Returns {figures(all)}: the figures to mount (in embed mode only those of the embedded part).
export function setUpEmbedding(api, schema, arranged) {
  const state = api.state();
  if (state.embed) return startEmbedMode(api, state, arranged);
  wireEmbedButtons(api, schema);
  return { figures: (all) => all };
}
