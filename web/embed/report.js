// Answers of an embedded question (`?embed=1&part=question&q=…&report=1`) posted to the embedding page, shaped as
// an xAPI statement without an actor: the course page knows who its student is, and the lab sends no personal
// data. Message: {type: 'activation-lab:xapi', statement: {verb, object, result, timestamp}}.
export const reportMessageType = 'activation-lab:xapi';

// The statement for one answer (exported for tests).
export function answerStatement({ id, prompt, kind, success, response, lang }, pageUrl = location.href) {
  const activity = new URL(pageUrl);
  activity.search = '';
  activity.hash = `q-${id}`;
  const language = lang === 'zh' ? 'zh-CN' : 'en-US';
  return {
    verb: { id: 'http://adlnet.gov/expapi/verbs/answered', display: { 'en-US': 'answered' } },
    object: {
      objectType: 'Activity', id: activity.href,
      definition: { type: 'http://adlnet.gov/expapi/activities/cmi.interaction', interactionType: kind === 'number' ? 'numeric' : 'choice',
        name: { [language]: prompt } },
    },
    result: { success, score: { scaled: success ? 1 : 0, raw: success ? 1 : 0, min: 0, max: 1 }, response: String(response) },
    timestamp: new Date().toISOString(),
  };
}

// Posts the answer to the embedding page ('*': nothing in it is secret, and the host's origin is not known).
export function reportAnswer(answer, target = window.parent) {
  if (!target || target === window) return;
  target.postMessage({ type: reportMessageType, statement: answerStatement(answer) }, '*');
}
