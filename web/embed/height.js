// Auto-height for embed mode: when the embedded view's height changes, tell the embedding page, in our own
// message format and in the one Canvas LMS listens for. A host that listens for neither keeps its fixed height.

// Our message type; the parent script (web/embed/parent-resize.js) resizes the frame that sent it.
const heightMessageType = 'activation-lab:height';

// The messages for `height` CSS pixels; `id` (the embed's id= parameter) is included when there is one.
function heightMessages(height, id) {
  const ours = { type: heightMessageType, height };
  if (id) ours.id = id;
  return [ours, { subject: 'lti.frameResize', height }];
}

// Posts the height of `element` to `target` now and whenever it changes; returns a function that stops it.
// '*' as target origin: the height is not a secret and the embedding page's origin is not known in advance.
export function postHeightChanges(element, { target = window.parent, id = '' } = {}) {
  if (!target || target === window) return () => {};
  let last = -1;
  const post = () => {
    const height = Math.ceil(Math.max(element.scrollHeight, element.getBoundingClientRect().height));
    if (height === last || height <= 0) return;
    last = height;
    for (const message of heightMessages(height, id)) target.postMessage(message, '*');
  };
  const observer = new ResizeObserver(post);
  observer.observe(element);
  post();
  return () => observer.disconnect();
}
