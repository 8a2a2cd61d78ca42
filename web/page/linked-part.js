// Landing on a linked part of the lesson (#fn-gelu, #summary, or the section a shared link names).
const pinMs = 3000;

// The id a fragment (`#fn-gelu`, with or without its `#`) names, percent-decoded; a fragment that does not decode
// (a link mangled on its way) names nothing.
export function fragmentId(hash) {
  try {
    return decodeURIComponent(hash.replace(/^#/, ''));
  } catch {
    return '';
  }
}
const readerInputs = ['wheel', 'touchstart', 'keydown', 'pointerdown'];

// A link to a part of the lesson (#fn-gelu, #summary, or the state's section) lands there once the page is built:
// the browser looked for the element before it existed. Figures near it then mount and take their real size,
// which moves it (a summary table below an unmounted compare chart moved 700 px), so it stays pinned to the top
// whenever the page's size changes, until the reader scrolls, clicks or types, or for 3 s.
export function showLinkedPart(section) {
  const id = fragmentId(location.hash);
  const target = (id && document.getElementById(id)) || (section && document.getElementById(section));
  if (!target) return;
  const show = () => target.scrollIntoView({ behavior: 'instant' });
  const resized = new ResizeObserver(show);
  const stop = () => {
    resized.disconnect();
    for (const type of readerInputs) removeEventListener(type, stop, true);
  };
  show();
  resized.observe(document.body);
  for (const type of readerInputs) addEventListener(type, stop, { capture: true, passive: true });
  setTimeout(stop, pinMs);
}
