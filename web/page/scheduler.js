// The scheduler: figures are mounted lazily, one per task, as they come near the viewport.
// Mounts figures one per task as they come near the viewport (within `margin`), so no single task grows long
// and a figure far down the page costs nothing until the reader gets there.
export function mountNearView(elements, mountOne, margin = '100% 0px') {
  const pending = new Set(elements);
  const nearView = new Set();
  let scheduled = false;
  const mountNext = () => {
    scheduled = false;
    const [next] = nearView;
    if (!next) return;
    nearView.delete(next);
    pending.delete(next);
    observer.unobserve(next);
    try {
      mountOne(next);
    } finally {
      if (!pending.size) document.body.dataset.figuresMounted = 'all';
      schedule();
    }
  };
  function schedule() {
    if (nearView.size && !scheduled) {
      scheduled = true;
      setTimeout(mountNext, 0);
    }
  }
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (!pending.has(entry.target)) continue;
      if (entry.isIntersecting) nearView.add(entry.target);
      else nearView.delete(entry.target);
    }
    schedule();
  }, { rootMargin: margin });
  pending.forEach((element) => observer.observe(element));
  if (!pending.size) document.body.dataset.figuresMounted = 'all';
  // Everything at once, for a printout.
  return function mountAll() {
    for (const element of [...pending]) {
      nearView.add(element);
      mountNext();
    }
  };
}
