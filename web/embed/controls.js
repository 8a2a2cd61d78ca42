// What `hide=` names and `lock=1` touches inside an embedded part. Each name maps to the figures' own class
// names and data attributes, so no figure needs to know about embedding.
import { neuronInputs, neuronWeights } from '../state/neuron-names.js';

// name → [selector of the control, selector of the wrapper to hide with it (label, slider row)]. These names,
// besides each function parameter (negative_slope, …) and each neuron slider, are what `hide=` can name.
const controlSelectors = {
  derivative: ['.derivative-toggle', 'label'],
  params: ['input[data-param]', '.slider'],
  reset: ['.reset'],
  range: ['.range-box, .compare-options .range-fields, .compare-options .range-fields + .field-message'],
  table: ['.data-table'],
  readout: ['.readout'],
  formula: ['.formula'],
  inputs: [neuronInputs.map((n) => `input[data-neuron="${n}"]`).join(', '), '.slider'],
  weights: [neuronWeights.map((n) => `input[data-neuron="${n}"]`).join(', '), '.slider'],
  bias: ['input[data-neuron="b"]', '.slider'],
  activation: ['.neuron-menu, [data-demo] [data-control="activation"]', '.demo-field'],
  diagram: ['.neuron-diagram'],
  picker: ['.compare-pickers'],
  draw: ['.draw'],
  count: ['.try-count'],
  threshold: ['.try-threshold', '.slider'],
  code: ['.try-code'],
  dataset: ['[data-demo] [data-control="dataset"]', '.demo-field'],
  init: ['[data-demo] [data-control="init"]', '.demo-field'],
  depth: ['[data-demo] [data-control="depth"]', '.slider'],
  scale: ['[data-demo] [data-control="scale"]', '.slider'],
};

export const controlNames = Object.keys(controlSelectors);

// The selector pair for a hide name: a listed control, a neuron slider, or a function parameter's slider.
function selectorsFor(name) {
  if (controlSelectors[name]) return controlSelectors[name];
  if ([...neuronInputs, ...neuronWeights, 'b'].includes(name)) return [`input[data-neuron="${name}"]`, '.slider'];
  return [`input[data-param="${name}"]`, '.slider'];
}

// The elements to hide under `root` for the hide list `names`.
function hiddenElements(root, names) {
  const found = [];
  for (const name of names) {
    const [selector, wrapper] = selectorsFor(name);
    for (const control of root.querySelectorAll(selector)) {
      found.push(control);
      // A label that is a sibling (label for=…) goes with its control.
      const label = control.id ? root.querySelector(`label[for="${CSS.escape(control.id)}"]`) : null;
      if (label) found.push(label);
      const box = wrapper ? control.closest(wrapper) : null;
      if (box && root.contains(box) && box !== root) found.push(box);
    }
  }
  return found;
}

const controlTags = 'input, select, textarea, button';

// Hides the named controls and, when `locked`, disables every control under `root` (they stay visible so the
// student sees the settings of the question) except those marked `.embed-keep-enabled` (a demo's play, step
// and reset: running the demo is the point of the question). Idempotent: call it again after a figure adds
// controls.
export function applyControlRules(root, { hide, locked }) {
  for (const element of hiddenElements(root, hide)) {
    element.hidden = true;
    element.classList.add('embed-hidden');
  }
  if (!locked) return;
  for (const control of root.querySelectorAll(controlTags)) {
    if (control.closest('.embed-keep-enabled')) continue;
    control.disabled = true;
  }
}
