// What every engine's page watches from the inside, the same in all three: console.error calls, uncaught errors
// and rejections, CSP violations (the securitypolicyviolation event) and every resource the page fetched
// (PerformanceObserver resource entries, buffered, so entries from before the observer started count too).
// Chromium and Firefox install it before the page's own scripts (an init script); WebKit's classic WebDriver has
// no such hook, so there it starts once the page has loaded (see webkit.mjs for what covers the load itself).
// Serialised with Function.prototype.toString: it must not close over anything.
export function installObservers() {
  if (window.__alabProbe) return;
  const probe = { problems: [], resources: [] };
  window.__alabProbe = probe;
  const original = console.error;
  console.error = function (...args) {
    probe.problems.push(`console: ${args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ')}`);
    return original.apply(this, args);
  };
  // "ResizeObserver loop completed with undelivered notifications" is reported as an error event but is no
  // exception: the notifications are delivered in the next frame (the Chromium suite does not see it either).
  // WebKit hides every error's details from a file:// page ("Script error.", no file, no line), that one
  // included, so there an anonymous error is not counted: the http journeys see WebKit's real messages.
  const anonymous = (event) => location.protocol === 'file:' && event.message === 'Script error.' && !event.filename && !event.error;
  addEventListener('error', (event) => {
    if (!/^ResizeObserver loop/.test(event.message) && !anonymous(event)) probe.problems.push(`page error: ${event.message}`);
  });
  addEventListener('unhandledrejection', (event) => probe.problems.push(`unhandled rejection: ${event.reason?.message ?? event.reason}`));
  document.addEventListener('securitypolicyviolation', (event) => {
    probe.problems.push(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
  });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.resources.push(entry.name);
    }).observe({ type: 'resource', buffered: true });
  } catch {
    probe.problems.push('no PerformanceObserver for resource entries');
  }
}

// The probe's findings: problems, plus every fetched resource that is neither data:/blob: nor from the page's
// origin (for file:// pages: not file:) or one of the `allowed` origins.
export function readObservers(allowed = []) {
  const probe = window.__alabProbe;
  if (!probe) return ['the in-page observers are not installed'];
  const own = location.protocol === 'file:' ? 'file:' : location.origin;
  const foreign = probe.resources.filter((name) => {
    const url = new URL(name, location.href);
    return url.protocol !== 'data:' && url.protocol !== 'blob:' && (own === 'file:' ? url.protocol !== 'file:' : url.origin !== own && !allowed.includes(url.origin));
  });
  return [...probe.problems, ...foreign.map((name) => `foreign request: ${name}`)];
}
