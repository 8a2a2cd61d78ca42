// The training lab's worker (bundled by the build as dist/lab-worker.js, a classic worker): loads the module
// beside it (in the one-file build the module's source comes first in the same blob), says {ready: true}, then
// answers the view task's messages (lab-view.js) in order. A module that cannot start says {failed: reason},
// and the page computes its views itself.
import { createViewTask } from './lab-view.js';

const scope = /** @type {any} */ (self);
let started;
try {
  if (typeof scope.createActivationLab !== 'function') scope.importScripts('activation-lab.js');
  started = scope.createActivationLab();
} catch (error) {
  started = Promise.reject(error);
}
const task = started.then((lab) => createViewTask(lab));
task.then(() => scope.postMessage({ ready: true }), (error) => scope.postMessage({ failed: String(error?.message ?? error) }));

scope.onmessage = (event) => {
  task.then((t) => {
    const answer = t.handle(event.data);
    if (answer) scope.postMessage(answer.reply, answer.transfer);
  }, () => {});
};
