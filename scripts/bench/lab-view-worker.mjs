// The training lab's worker for Node (worker_threads): the page's view task (web/demos/lab-view.js) on the
// built module, as dist/lab-worker.js runs it in a browser. Each reply carries `ms`, the time the task took.
import { parentPort } from 'node:worker_threads';

import { loadLab } from './common.mjs';
import { createViewTask } from '../../web/demos/lab-view.js';

const task = createViewTask(await loadLab());
parentPort.on('message', (message) => {
  const start = process.hrtime.bigint();
  const answer = task.handle(message);
  if (!answer) return;
  parentPort.postMessage({ ...answer.reply, ms: Number(process.hrtime.bigint() - start) / 1e6 }, answer.transfer);
});
