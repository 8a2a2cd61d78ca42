// A "predict, then check" question (web/questions.js wrote its markup at build time): choosing an option, or
// checking a typed number, says at once whether it is right and reveals the explanation. Answers stay in the
// page (nothing is sent anywhere), except that an embedded question with report=1 posts each answer to the
// embedding page as an xAPI-shaped message (web/embed/report.js), so a course page can collect them.
import { parseDecimal } from '../state/decimal.js';
import { setText } from '../page/dom.js';
import { reportAnswer } from '../embed/report.js';

export function mount(element, api) {
  const { t } = api;
  const id = element.dataset.q;
  const verdict = element.querySelector('.question-verdict');
  const prompt = element.querySelector('legend')?.textContent ?? '';
  const answered = (success, response) => {
    element.dataset.answered = success ? 'right' : 'wrong';
    element.querySelector('.question-explain').open = true;
    setText(verdict, t(success ? 'question.right' : 'question.wrong'));
    const state = api.state();
    if (state.embed && state.report) reportAnswer({ id, prompt, kind: element.dataset.kind, success, response, lang: state.lang });
  };
  if (element.dataset.kind === 'choice') {
    const correct = element.dataset.correct;
    for (const radio of element.querySelectorAll('input[type="radio"]')) {
      radio.addEventListener('change', () => { if (radio.checked) answered(radio.value === correct, radio.value); });
    }
  } else {
    const field = element.querySelector('input[type="text"]');
    const message = element.querySelector('.field-message');
    const answer = Number(element.dataset.answer);
    const tolerance = Number(element.dataset.tolerance);
    const check = () => {
      const text = field.value;
      const value = parseDecimal(text);
      const problem = !text.trim() ? 'input.empty' : Number.isFinite(value) ? '' : 'input.notNumber';
      setText(message, problem ? t(problem) : '');
      if (problem) field.setAttribute('aria-invalid', 'true');
      else field.removeAttribute('aria-invalid');
      if (!problem) answered(Math.abs(value - answer) <= tolerance, value);
    };
    element.querySelector('.question-check').addEventListener('click', check);
    field.addEventListener('keydown', (event) => { if (event.key === 'Enter') check(); });
  }
  return () => {};
}

// A question has no state of its own: its answer stays in the page.
export default { id: 'question', mount, settings: () => [] };
