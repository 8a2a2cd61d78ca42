// Every card of the lesson (function sections, figures, demos, corrections, objectives, takeaways, exercises) at a
// phone's and a laptop's width, in both languages: no element inside one (formulas, derivatives, facts and
// answers opened) reaches past the card's edge, and no box has to scroll, except a table that scrolls sideways on
// purpose (.table-scroll, the summary table with its sticky first column).
const cards = '.fn-section, .figure, .demo, .correction, .objectives, .takeaways, .exercise';
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startHarness, waitForAllFigures } from './harness.mjs';

let harness;
before(async () => { harness = await startHarness(); });
after(async () => { await harness?.close(); });

// Every element of every card whose box reaches past the card's padding box, or whose content is wider than its
// box (a formula that would scroll), as readable lines.
function overflowingElements(page) {
  return page.evaluate((selector) => {
    const found = [];
    for (const section of document.querySelectorAll(selector)) {
      for (const details of section.querySelectorAll('details')) details.open = true;
    }
    for (const section of document.querySelectorAll(selector)) {
      const box = section.getBoundingClientRect();
      const style = getComputedStyle(section);
      const left = box.left + parseFloat(style.borderLeftWidth);
      const right = box.right - parseFloat(style.borderRightWidth);
      const reported = new Set();
      for (const node of section.querySelectorAll('*')) {
        if (reported.has(node.parentElement) || node.classList.contains('visually-hidden') || node.closest('.table-scroll')) {
          reported.add(node);
          continue;
        }
        const rect = node.getBoundingClientRect();
        if (!rect.width) continue;
        const name = `${section.dataset.fn ?? section.dataset.demo ?? section.dataset.figure ?? section.className.split(' ')[0]} ${node.tagName.toLowerCase()}${node.className && typeof node.className === 'string' ? `.${node.className.split(' ')[0]}` : ''}`;
        if (rect.left < left - 0.5 || rect.right > right + 0.5) {
          found.push(`${name}: ${rect.left.toFixed(1)}–${rect.right.toFixed(1)} outside ${left.toFixed(1)}–${right.toFixed(1)}`);
          reported.add(node);
        } else if (node.scrollWidth > node.clientWidth + 1 && getComputedStyle(node).overflowX !== 'visible') {
          found.push(`${name}: content ${node.scrollWidth} px in a ${node.clientWidth} px box`);
          reported.add(node);
        }
      }
    }
    return found;
  }, cards);
}

for (const width of [360, 1280]) {
  for (const lang of ['en', 'zh']) {
    test(`no element of a card overflows it at ${width} px (${lang})`, { timeout: 120000 }, async () => {
      const { page, context, problems } = await harness.open(`${harness.url}?lang=${lang}`, { width, height: 800 });
      await waitForAllFigures(page);
      const found = await overflowingElements(page);
      assert.equal(found.length, 0, `overflowing:\n${found.join('\n')}`);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}
