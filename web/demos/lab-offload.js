// The page's side of the lab's worker (lab-worker.js): while training plays, the page trains an epoch per frame
// and the worker computes that epoch's view (lab-view.js) from the parameters it is sent, so a frame on the
// page's thread costs the epoch and the drawing only. One view is in flight at a time; a frame that finds the
// worker busy leaves its parameters waiting, replaced by the next frame's, and they go when the answer comes.
// Where no worker can run — a page opened from a file, the one-file build, a browser that refuses — `request`
// answers false and the page computes the view itself, as it does for every step, reset and change of settings.

// The worker script beside the module's script (dist/lab-worker.js), or null when there is none to load.
export function workerUrl(doc = document) {
  if (doc.location.protocol === 'file:' || typeof Worker !== 'function') return null;
  const script = /** @type {HTMLScriptElement | null} */ (doc.querySelector('script[src$="activation-lab.js"]'));
  return script ? new URL('lab-worker.js', script.src).href : null;
}

// onView(view, context): a view the worker computed for the parameters sent with `context`.
export function createOffload(url, onView) {
  let worker = null, ready = false, failed = !url;
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
