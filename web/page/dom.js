// Small DOM builders: elements get attributes and text only (never markup), so nothing can be injected.

let nextId = 0;
// A page-unique id for label/for and aria pairs.
export const uniqueId = (prefix) => `${prefix}-${++nextId}`;

// <tag attrs...>children</tag>; string children become text nodes; `i18n` sets data-i18n.
export function el(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name === 'text') node.textContent = value;
    else if (name === 'i18n') node.setAttribute('data-i18n', value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of [].concat(children)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

// Sets a node's text only when it differs: rewriting the same text still marks the node for layout and paint,
// and figures redraw on every slider move.
export function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

// Sets an attribute only when it differs, for the same reason.
export function setAttr(node, name, value) {
  if (node.getAttribute(name) !== value) node.setAttribute(name, value);
}

// An SVG element with attributes.
export function svg(tag, attrs = {}) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  return node;
}

// A labelled range slider with its value shown in an <output>; returns {wrapper, input, output}.
export function slider({ labelKey = undefined, labelText = undefined, min, max, step, value, className = 'slider' }) {
  const id = uniqueId('slider');
  const input = el('input', { type: 'range', id, min, max, step, value });
  const output = el('output', { for: id, class: 'slider-value' });
  const label = el('label', { for: id, i18n: labelKey }, labelText ?? '');
  return { wrapper: el('div', { class: className }, [label, input, output]), input, output };
}
