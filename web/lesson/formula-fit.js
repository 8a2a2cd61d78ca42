// Formula boxes fit their width: the build typesets a formula term by term, so the box wraps between terms; a
// single term still wider than the box is scaled down until it fits, so nothing is cut off at a card's edge or
// scrolls sideways out of sight. Should a formula still be wider (a box too narrow to measure), it joins the tab
// order, so the keyboard can scroll it.
let fitted = null;

function fit(box) {
  box.style.removeProperty('font-size');
  const room = box.clientWidth;
  const need = box.scrollWidth;
  if (room > 0 && need > room + 1) {
    const size = parseFloat(getComputedStyle(box).fontSize);
    // A little under the exact ratio: glyph widths do not scale exactly with the font size.
    box.style.fontSize = `${Math.floor((size * room * 0.98) / need * 100) / 100}px`;
  }
  if (box.scrollWidth > box.clientWidth + 1) box.setAttribute('tabindex', '0');
  else box.removeAttribute('tabindex');
}

// Keeps `box` (a .formula element) fitted to its width from now on.
export function fitFormula(box) {
  fitted ??= new ResizeObserver((entries) => {
    for (const { target } of entries) fit(target);
  });
  fitted.observe(box);
}
