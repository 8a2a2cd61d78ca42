// "Predict, then check" questions: each sits beside a demo or a curve and asks for a prediction before the student
// tries it. A question is multiple choice (radio buttons in a fieldset whose legend is the question) or a number;
// its explanation quotes numbers computed by the module (the same calls the demos make), so the text and the demo
// never disagree. The build writes each question into its box (web/prerender.js); web/figures/question.js gives
// it feedback. Texts: q.<id>.prompt, q.<id>.option.<k>, q.<id>.explain (with {placeholders} from facts()).
import { el } from '../page/dom.js';
import { formatNumber } from '../page/format.js';

// ‖∂L/∂z‖ at layer 1 over layer `depth`, as the vanishing-gradient demo computes it.
const depthRatio = (lab, activation, init) => {
  const g = lab.gradientByDepth({ depth: 20, width: 32, activation, init, samples: 8, seed: 1 }).gradients;
  return g[0] / g[g.length - 1];
};
const superscript = { '-': '⁻', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };
// 6.64e−9 as 6.6 × 10⁻⁹, as the lesson's prose writes it.
export function scientific(value) {
  const exponent = Math.floor(Math.log10(Math.abs(value)));
  if (exponent >= -2 && exponent <= 3) return formatNumber(Number(value.toPrecision(2)), 6);
  const mantissa = Number((value / 10 ** exponent).toPrecision(2));
  return `${formatNumber(mantissa, 2)} × 10${String(exponent).replace(/./g, (c) => superscript[c])}`;
}

// The x > 0 where sigmoid′ falls to `level`, found by bisection on the module's derivative.
function sigmoidSlopeBelow(lab, level) {
  let lo = 0;
  let hi = 20;
  for (let k = 0; k < 60; k++) {
    const mid = (lo + hi) / 2;
    if (lab.derivative('sigmoid', [mid])[0] > level) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

// kind 'choice': options (their keys are q.<id>.option.<k>), the correct one's index. kind 'number': the answer
// and how far from it still counts. facts(lab) fills the explanation's placeholders.
export const questions = [
  {
    id: 'xor-identity', kind: 'choice', options: 3, correct: 1,
    facts: () => ({}),
  },
  {
    id: 'relu-init', kind: 'choice', options: 4, correct: 2,
    facts: (lab) => ({ relu: scientific(depthRatio(lab, 'relu', 'torch_default')), he: scientific(depthRatio(lab, 'relu', 'he')) }),
  },
  {
    id: 'symmetry-equal', kind: 'choice', options: 3, correct: 0,
    facts: () => ({}),
  },
  {
    id: 'sigmoid-saturate', kind: 'number', tolerance: 0.3,
    answer: (lab) => sigmoidSlopeBelow(lab, 0.01),
    facts: (lab) => ({ x: formatNumber(sigmoidSlopeBelow(lab, 0.01), 2), slope: formatNumber(lab.derivative('sigmoid', [5])[0], 4) }),
  },
  {
    id: 'softmax-shift', kind: 'choice', options: 3, correct: 1,
    facts: (lab) => ({ p: formatNumber(lab.softmax([2, 1, 0.1, -1])[0], 3), q: formatNumber(lab.softmax([12, 11, 10.1, 9])[0], 3) }),
  },
];
export const questionIds = questions.map((q) => q.id);
export const questionById = new Map(questions.map((q) => [q.id, q]));

// The question's markup, written at build time into its box (`element`, data-q="<id>"); `t` speaks the page's
// language and `lab` is the module, for the explanation's numbers.
export function buildQuestion(element, q, { t, lab }) {
  const legendId = `q-${q.id}-legend`;
  const vars = q.facts(lab);
  const answer = q.kind === 'number' ? q.answer(lab) : null;
  let body;
  if (q.kind === 'choice') {
    body = Array.from({ length: q.options }, (_, k) => el('label', { class: 'question-option' }, [
      el('input', { type: 'radio', name: `q-${q.id}`, value: String(k) }),
      el('span', { text: t(`q.${q.id}.option.${k}`) }),
    ]));
  } else {
    const fieldId = `q-${q.id}-value`;
    body = [el('div', { class: 'question-number' }, [
      el('label', { for: fieldId, text: t('question.yourAnswer') }),
      el('input', { type: 'text', id: fieldId, inputmode: 'decimal', autocomplete: 'off', 'aria-describedby': `q-${q.id}-message` }),
      el('button', { type: 'button', class: 'question-check', text: t('question.check') }),
    ]), el('p', { class: 'field-message', id: `q-${q.id}-message` })];
    element.dataset.answer = String(answer);
    element.dataset.tolerance = String(q.tolerance);
  }
  element.id = `q-${q.id}`;
  element.dataset.kind = q.kind;
  if (q.kind === 'choice') element.dataset.correct = String(q.correct);
  element.append(
    el('p', { class: 'question-kicker', text: t('question.kicker') }),
    el('fieldset', { class: 'question-fieldset' }, [el('legend', { id: legendId, text: t(`q.${q.id}.prompt`) }), ...body]),
    el('div', { class: 'question-feedback', 'aria-live': 'polite' }, [
      el('p', { class: 'question-verdict' }),
      // A disclosure: an answer opens it; a reader without JavaScript opens it by hand. It takes the same room
      // either way, so the box does not change size when the page's script arrives.
      el('details', { class: 'question-explain' }, [el('summary', { text: t('question.explanation') }),
        el('p', { text: t(`q.${q.id}.explain`, vars) })]),
    ]),
  );
}
