// Loads the built module the way authors' Node code does: require() of dist/activation-lab.js.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
export const distDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist');

let instance;
// One module instance per test file (each file runs in its own process).
/** @returns {Promise<import('../../src/js/activation-lab').ActivationLab>} */
export function loadLab() {
  instance ??= require(path.join(distDir, 'activation-lab.js'))();
  return instance;
}
