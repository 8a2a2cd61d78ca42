// How the module file loads (src/js/module-loader.js): the factory takes Emscripten's usual options, each call
// gives an independent instance, and a platform without DecompressionStream gets a clear message instead of
// a broken module.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const modulePath = path.join(root, 'dist', 'activation-lab.js');
const require = createRequire(import.meta.url);

test('each factory call gives its own working instance and honours module options', async () => {
  const createActivationLab = require(modulePath);
  let initialised = 0;
  const [a, b] = await Promise.all([createActivationLab({ onRuntimeInitialized: () => { initialised += 1; } }), createActivationLab()]);
  assert.equal(initialised, 1, 'the option reached the module');
  assert.notEqual(a, b);
  const bufferA = a.createBuffer(2, { type: 'float32' });
  bufferA.input.set([-1, 2]);
  assert.deepEqual([...bufferA.apply('relu')], [0, 2]);
  assert.deepEqual([...b.evaluate('sigmoid', [0])], [0.5]);
  bufferA.delete();
});

test('without DecompressionStream the factory rejects with a message that says what is needed', () => {
  const script = `delete globalThis.DecompressionStream;
    require(${JSON.stringify(modulePath)})().then(
      () => { console.log('loaded'); },
      (err) => { console.log('rejected: ' + err.message); });`;
  const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^rejected: .*too old.*DecompressionStream.*Safari 16\.4/);
});
