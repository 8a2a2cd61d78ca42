// "Predict, then check" questions: radio buttons in a fieldset (legend = the question) or a typed number; an
// answer gives immediate feedback and reveals the explanation, whose numbers are the module's; the state stays in
// the page; a question embeds alone (part=question&q=…), and with report=1 posts each answer to the embedding page
// as an xAPI-shaped statement with no personal data.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { startHarness } from './harness.mjs';
import { fixturesDir, waitForLab, watchProblems } from './fixtures/platform.mjs';

const hostTemplate = readFileSync(path.join(fixturesDir, 'host.html'), 'utf8');
let harness;
let hostServer;
let hostUrl;
let hostMarkup = '';
before(async () => {
  harness = await startHarness();
  hostServer = http.createServer((req, res) => {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(hostTemplate.replace('<!-- SNIPPET -->', hostMarkup));
  });
  await new Promise((resolve) => hostServer.listen(0, '127.0.0.1', resolve));
  hostUrl = `http://127.0.0.1:${hostServer.address().port}/`;
});
after(async () => {
  await harness?.close();
  await new Promise((resolve) => hostServer?.close(resolve) ?? resolve());
});

const box = (id) => `[data-figure="question"][data-q="${id}"]`;
const shown = (page, selector) => page.$eval(selector, (node) => node.getClientRects().length > 0);

for (const lang of ['en', 'zh']) {
  test(`a multiple-choice question gives feedback at once and reveals its explanation (${lang})`, async () => {
    const { page, context, problems } = await harness.open(`${harness.url}${lang === 'en' ? 'en/' : ''}`);
    const q = box('relu-init');
    assert.ok((await page.textContent(`${q} fieldset legend`)).length > 20, 'the legend is the question');
    assert.equal(await page.locator(`${q} fieldset input[type="radio"]`).count(), 4);
    assert.equal(await page.$eval(`${q} .question-explain`, (d) => d.open), false, 'nothing is revealed before an answer');
    await page.locator(`${q} input[value="0"]`).check();
    assert.equal(await page.getAttribute(q, 'data-answered'), 'wrong');
    assert.ok(await page.$eval(`${q} .question-explain`, (d) => d.open) && await shown(page, `${q} .question-explain p`));
    const explanation = await page.textContent(`${q} .question-explain`);
    // The numbers are the module's: the same call the vanishing-gradient demo makes.
    const [relu, he] = await page.evaluate(() => ['torch_default', 'he'].map((init) => {
      const g = window.activationLab.gradientByDepth({ depth: 20, width: 32, activation: 'relu', init, samples: 8, seed: 1 }).gradients;
      return g[0] / g[19];
    }));
    assert.ok(relu > 1e-9 && relu < 1e-8 && he > 1 && he < 10, `${relu} ${he}`);
    assert.ok(explanation.includes(`${relu.toPrecision(2).replace(/e-(\d)$/, '')}`.slice(0, 3)), explanation);
    assert.ok(explanation.includes(he.toPrecision(2)), explanation);
    await page.locator(`${q} input[value="2"]`).check();
    assert.equal(await page.getAttribute(q, 'data-answered'), 'right');
    // Another question is untouched: each keeps its own state.
    assert.equal(await page.getAttribute(box('symmetry-equal'), 'data-answered'), null);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('a number question: a bad entry gets a message at the field, a close one counts as right', async () => {
  const { page, context, problems } = await harness.open(`${harness.url}en/`);
  const q = box('sigmoid-saturate');
  const field = `${q} input[type="text"]`;
  assert.ok(await page.$eval(field, (input) => input.labels.length === 1), 'the field is labelled');
  await page.fill(field, '0x10');
  await page.click(`${q} .question-check`);
  assert.equal(await page.getAttribute(field, 'aria-invalid'), 'true');
  assert.ok((await page.textContent(`${q} .field-message`)).length > 5);
  assert.equal(await page.getAttribute(q, 'data-answered'), null, 'no verdict on a bad entry');
  await page.fill(field, '2');
  await page.press(field, 'Enter');
  assert.equal(await page.getAttribute(q, 'data-answered'), 'wrong');
  await page.fill(field, '4.6');
  await page.click(`${q} .question-check`);
  assert.equal(await page.getAttribute(q, 'data-answered'), 'right');
  assert.equal(await page.getAttribute(field, 'aria-invalid'), null);
  // The answer it counts is where the module's sigmoid′ falls to 0.01.
  const slope = await page.evaluate(() => window.activationLab.derivative('sigmoid', [Number(document.querySelector('[data-q="sigmoid-saturate"]').dataset.answer)])[0]);
  assert.ok(Math.abs(slope - 0.01) < 1e-9, String(slope));
  assert.deepEqual(problems, []);
  await context.close();
});

test('a question embeds alone and, with report=1, posts each answer to the course page as an xAPI statement', async () => {
  hostMarkup = `<iframe id="lab" title="question" width="600" height="420" src="${harness.url}en/index.html?embed=1&amp;part=question&amp;q=softmax-shift&amp;report=1"></iframe>`;
  const context = await harness.browser.newContext({ viewport: { width: 900, height: 800 } });
  const page = await context.newPage();
  const problems = await watchProblems(page);
  await page.goto(`${hostUrl}course.html`);
  const frame = await (await page.waitForSelector('iframe')).contentFrame();
  await waitForLab(frame);
  await frame.waitForSelector(`${box('softmax-shift')}[data-mounted="true"]`);
  const visibleQuestions = await frame.$$eval('[data-figure="question"]', (all) => all.filter((q) => q.getClientRects().length).map((q) => q.dataset.q));
  assert.deepEqual(visibleQuestions, ['softmax-shift']);
  assert.equal(await frame.$$eval('[data-demo], [data-figure="curve"]', (all) => all.filter((f) => f.getClientRects().length).length), 0);
  await frame.locator(`${box('softmax-shift')} input[value="0"]`).check();
  await frame.locator(`${box('softmax-shift')} input[value="1"]`).check();
  await page.waitForFunction(() => window.labMessages.filter((m) => m?.type === 'activation-lab:xapi').length === 2);
  const statements = await page.evaluate(() => window.labMessages.filter((m) => m?.type === 'activation-lab:xapi').map((m) => m.statement));
  assert.deepEqual(statements.map((s) => s.result.success), [false, true]);
  assert.deepEqual(statements.map((s) => s.result.score.scaled), [0, 1]);
  for (const s of statements) {
    assert.equal(s.verb.id, 'http://adlnet.gov/expapi/verbs/answered');
    assert.equal(s.object.definition.interactionType, 'choice');
    assert.match(s.object.id, /#q-softmax-shift$/);
    assert.ok(!('actor' in s), 'no personal data');
    assert.ok(s.object.definition.name['en-US'].includes('10'));
  }
  // Without report=1 nothing about answers is posted.
  hostMarkup = hostMarkup.replace('&amp;report=1', '');
  await page.goto(`${hostUrl}course.html`);
  const quiet = await (await page.waitForSelector('iframe')).contentFrame();
  await waitForLab(quiet);
  await quiet.waitForSelector(`${box('softmax-shift')}[data-mounted="true"]`);
  await quiet.locator(`${box('softmax-shift')} input[value="1"]`).check();
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.labMessages.filter((m) => m?.type === 'activation-lab:xapi').length), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('each question has an Embed button whose snippet embeds that question alone', async () => {
  const { page, context, problems } = await harness.open(`${harness.url}en/?teacher=1`);
  await page.click(`${box('symmetry-equal')} .embed-button`);
  const frame = await page.locator('dialog.embed-dialog textarea.embed-code').first().inputValue();
  const src = new URL(/src="([^"]+)"/.exec(frame)[1].replace(/&amp;/g, '&'));
  assert.equal(src.searchParams.get('part'), 'question');
  assert.equal(src.searchParams.get('q'), 'symmetry-equal');
  assert.match(frame, /title="Activation Lab: Four hidden units/);
  assert.deepEqual(problems, []);
  await context.close();
});
