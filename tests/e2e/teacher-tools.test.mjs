// The Embed buttons are teacher tools: hidden for students, shown by the header's switch, the choice kept in this
// browser (and turned on by ?teacher=1), from the first paint on.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startHarness } from './harness.mjs';

let harness;
before(async () => { harness = await startHarness(); });
after(async () => { await harness?.close(); });

const shownButtons = (page) => page.$$eval('.embed-button', (all) => all.filter((b) => b.getClientRects().length).length);

for (const lang of ['en', 'zh']) {
  test(`students see no Embed buttons; the teacher switch shows them and is remembered (${lang})`, async () => {
    const { page, context, problems } = await harness.open(`${harness.url}${lang === 'en' ? 'en/' : ''}`);
    const toggle = page.locator('.teacher-toggle');
    assert.equal(await shownButtons(page), 0);
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    assert.ok((await toggle.textContent()).trim().length > 0, 'the switch is labelled');
    await toggle.press('Enter');
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    const total = await page.$$eval('.embed-button', (all) => all.length);
    assert.ok(total > 20 && await shownButtons(page) === total, `all ${total} buttons shown`);
    // Another visit in the same browser starts with them shown, before any script of the page's body ran.
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('teacher')), true);
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    await toggle.click();
    assert.equal(await shownButtons(page), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('?teacher=1 opens with the teacher tools on, and the address bar does not keep it', async () => {
  const { page, context, problems } = await harness.open(`${harness.url}en/?teacher=1&relu.d=1`);
  assert.ok(await shownButtons(page) > 20);
  await page.locator('#fn-relu input[type="checkbox"]').first().click();
  await page.waitForFunction(() => !location.search.includes('relu.d=1'));
  assert.ok(!page.url().includes('teacher'), page.url());
  assert.deepEqual(problems, []);
  await context.close();
});
