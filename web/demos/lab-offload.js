// The page's side of the lab's worker (lab-worker.js): while training plays, the page trains an epoch per frame
// and the worker computes that epoch's view (lab-view.js) from the parameters it is sent, so a frame on the
// page's thread costs the epoch and the drawing only. One view is in flight at a time; a frame that finds the
// worker busy leaves its parameters waiting, replaced by the next frame's, and they go when the answer comes.
// Where no worker can run — the separate files opened from disk, a browser that refuses — `request` answers
// false and the page computes the view itself, as it does for every step, reset and change of settings.

// Where the worker's script is: beside the module's script (dist/lab-worker.js); in the one-file build, which
// carries the worker's source as inert text, a blob of the module's inline script followed by that source.
// null when there is none (a page from file:// cannot start a worker from a file).
export function workerUrl(doc = document) {
  if (typeof Worker !== 'function') return null;
  const source = doc.querySelector('script[data-lab-worker]');
  const module = doc.querySelector('script[data-src="activation-lab.js"]');
  if (source && module) {
    return URL.createObjectURL(new Blob([module.textContent, '\n', source.textContent], { type: 'text/javascript' }));
  }
  const script = /** @type {HTMLScriptElement | null} */ (doc.querySelector('script[src$="activation-lab.js"]'));
  return script && doc.location.protocol !== 'file:' ? new URL('lab-worker.js', script.src).href : null;
}

// locate(): the worker's URL (workerUrl), asked once, when the first view is; onView(view, context): a view the
// worker computed for the parameters sent with `context`.
export function createOffload(locate, onView) {
  let worker = null, url = null, ready = false, failed = false;
  let network = null, split = null;  // the latest settings, sent before the first view and again on change
  let seq = 0, inFlight = null, waiting = null;

  function fail() {
    failed = true;
    ready = false;
    inFlight = waiting = null;
    worker?.terminate();
    worker = null;
  }

  function start() {
    if (worker || failed) return;
    try {
      url = locate();
      if (!url) { fail(); return; }
      worker = new Worker(url);
    } catch {
      fail();
      return;
    }
    worker.addEventListener('error', (event) => { event.preventDefault(); fail(); });
    worker.addEventListener('message', ({ data }) => {
      if (data.failed) { fail(); return; }
      if (data.ready) {
        ready = true;
        if (url.startsWith('blob:')) URL.revokeObjectURL(url);
        if (network) worker.postMessage({ network });
        if (split) worker.postMessage({ split });
        return;
      }
      if (!inFlight || data.seq !== inFlight.seq) return;  // cancelled since it was sent
      const { context } = inFlight;
      inFlight = null;
      if (data.view) onView(data.view, context);
      else fail();
      if (waiting) send(waiting);
      waiting = null;
    });
  }

  function send(request) {
    seq += 1;
    inFlight = { seq, context: request.context };
    worker.postMessage({ view: { seq, parameters: request.parameters, range: request.range } }, [request.parameters.buffer]);
  }

  return {
    // The settings of the network the page trains and its data; `options` as lab.Network takes them, with a
    // compiled formula given as {formula: text}.
    configure(options, data) {
      network = options;
      split = data;
      inFlight = waiting = null;
      if (ready) {
        worker.postMessage({ network });
        worker.postMessage({ split });
      }
    },
    // Asks for the view of `parameters` (a Float64Array, handed over); false when the worker cannot take it,
    // and the page should compute the view itself.
    request(parameters, range, context) {
      start();
      if (!ready) return false;
      if (inFlight) waiting = { parameters, range, context };
      else send({ parameters, range, context });
      return true;
    },
    // Drops the views still to come: the page has drawn a newer one itself.
    cancel() { inFlight = waiting = null; },
    get active() { return ready; },
    terminate() { fail(); },
  };
}
