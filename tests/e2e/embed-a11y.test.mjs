// Accessibility of embedding: axe finds no violation in the open Embed dialog (both languages, light and
// dark) nor in embed views (plain, hidden controls, locked), and nothing is wider than a 360 px phone frame.
// Screenshots of the dialog and of an embed at 360 px go to test-output/ (look at them).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { describeViolations, outputPath, startHarness } from './harness.mjs';

let harness;
before(async () => { harness = await startHarness(); });
after(async () => { await harness?.close(); });

for (const lang of ['en', 'zh']) {
  for (const colorScheme of ['light', 'dark']) {
    test(`the open Embed dialog passes axe in ${lang} (${colorScheme})`, async () => {
      const { page, context, problems } = await harness.open(`${harness.url}?lang=${lang}&teacher=1`, { colorScheme });
      try {
        await page.locator('section#neuron .embed-button').click();
        await page.waitForSelector('dialog.embed-dialog[open]');
        const heading = await page.locator('dialog.embed-dialog h2').textContent();
        assert.ok(heading.trim().length > 0, 'the dialog has a visible title');
        assert.equal(/[\u4e00-\u9fff]/.test(heading), lang === 'zh', `the title is in ${lang}: ${heading}`);
        const { violations } = await new AxeBuilder({ page }).include('dialog.embed-dialog').analyze();
        assert.equal(violations.length, 0, describeViolations(violations));
        if (colorScheme === 'light') await page.screenshot({ path: outputPath(`embed-dialog-${lang}.png`) });
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }
}

const views = [
  'embed=1&part=fn&fn=leaky_relu&lang=zh',
  'embed=1&part=neuron&hide=weights,activation&lang=en',
  'embed=1&part=compare&lock=1&lang=en',
  'embed=1&part=try&fn=sigmoid&lang=zh',
];

for (const query of views) {
  test(`the embed view ?${query} passes axe and fits a 360 px frame`, async () => {
    const { page, context, problems } = await harness.open(`${harness.url}?${query}`, { width: 360, height: 640 });
    try {
      await page.waitForSelector('[data-figure][data-mounted="true"]');
      const { violations } = await new AxeBuilder({ page }).analyze();
      assert.equal(violations.length, 0, describeViolations(violations));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `wider than the frame by ${overflow}px`);
      await page.screenshot({ path: outputPath(`embed-${new URLSearchParams(query).get('part')}-360.png`), fullPage: true });
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
}
