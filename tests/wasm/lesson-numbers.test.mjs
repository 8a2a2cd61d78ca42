// The numbers the lesson's prose quotes come from the module's own demos: the gradient ratios of the
// vanishing-gradient demo (20 layers, width 32, its seed) in both languages' text, and the defaults that make
// the neuron and the try-it boxes show a negative input.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { scientific } from '../../web/lesson/questions.js';
import { loadLab } from './load.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const strings = (lang, file) => JSON.parse(readFileSync(path.join(root, 'web', 'i18n', lang, `${file}.json`), 'utf8'));
const lab = await loadLab();
const ratio = (activation, init) => {
  const g = lab.gradientByDepth({ depth: 20, width: 32, activation, init, samples: 8, seed: 1 }).gradients;
  return g[0] / g[19];
};

test('the vanishing-gradient correction quotes the demo\'s own ratios, in both languages', () => {
  const quoted = {
    'ReLU, default': scientific(ratio('relu', 'torch_default')),
    'Tanh, default': scientific(ratio('tanh', 'torch_default')),
    'identity, default': scientific(ratio('identity', 'torch_default')),
    'ReLU, He': scientific(ratio('relu', 'he')),
    'identity, He': String(Math.round(ratio('identity', 'he'))),
  };
  assert.deepEqual(quoted, { 'ReLU, default': '6.6 × 10⁻⁹', 'Tanh, default': '1.5 × 10⁻⁵', 'identity, default': '2.8 × 10⁻⁵',
    'ReLU, He': '3.4', 'identity, He': '263' });
  for (const lang of ['en', 'zh']) {
    const text = strings(lang, 'lesson')['why.vanishing.correction'];
    for (const [what, number] of Object.entries(quoted)) assert.ok(text.includes(number), `${lang}: ${what} (${number}) in "${text}"`);
    const init = strings(lang, 'teaching')['training.init.p2'];
    for (const what of ['ReLU, default', 'ReLU, He']) assert.ok(init.includes(quoted[what]), `${lang} init paragraph: ${what}`);
  }
});

test('sigmoid with He initialisation lies above the 0.25ⁿ line: it is σ′\'s factor, not a bound', () => {
  // ‖g₁‖/‖g₂₀‖ against 0.25¹⁹, what the dashed line draws from layer 20 down to layer 1.
  assert.ok(ratio('sigmoid', 'he') > 0.25 ** 19, `${ratio('sigmoid', 'he')} vs ${0.25 ** 19}`);
});

test('the default try-it inputs and the neuron\'s default z are negative somewhere, so ReLU visibly cuts them', () => {
  const xs = Array.from(lab.randn(4, 0));
  assert.ok(xs.some((x) => x < 0) && xs.some((x) => x > 0), xs.join(', '));
  const z = lab.neuron({ inputs: [1, -2, 0.5], weights: [0.8, 0.3, -1.2], bias: -0.5, activation: 'relu' });
  assert.ok(z.z < 0 && z.output === 0, JSON.stringify(z));
});
