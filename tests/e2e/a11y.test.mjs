// Accessibility and looks: axe finds no violation in either language (light and dark), every chart has an
// accessible name and a data table, and full-page screenshots at 360 px and 1280 px go to test-output/.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { describeViolations, outputPath, startHarness, waitForAllFigures } from './harness.mjs';

let harness;
before(async () => { harness = await startHarness(); });
after(async () => { await harness?.close(); });

for (const lang of ['en', 'zh']) {
  for (const colorScheme of ['light', 'dark']) {
    test(`axe reports no violation in ${lang} (${colorScheme})`, async () => {
      const { page, context, problems } = await harness.open(`${harness.url}?lang=${lang}`, { colorScheme });
      await waitForAllFigures(page);
      for (const details of await page.$$('details')) await details.evaluate((d) => { d.open = true; });
      const { violations } = await new AxeBuilder({ page }).analyze();
      assert.equal(violations.length, 0, describeViolations(violations));
      assert.deepEqual(problems, []);
      await context.close();
    });
  }
}

// The page reads its colours once (reading them forces a style recalculation) and again when the scheme changes.
test('charts and maps take the new colours when the colour scheme changes', async () => {
  const { page, context, problems } = await harness.open(harness.url, { colorScheme: 'light' });
  await waitForAllFigures(page);
  const read = () => page.evaluate(() => {
    const css = getComputedStyle(document.documentElement);
    const chart = window.Chart.getChart(document.querySelector('#fn-sigmoid [data-figure="curve"] canvas'));
    return {
      text: css.getPropertyValue('--text').trim(), series: css.getPropertyValue('--series-1').trim(),
      tick: chart.options.scales.x.ticks.color, line: chart.data.datasets[0].borderColor,
    };
  });
  const light = await read();
  assert.equal(light.tick, light.text);
  assert.equal(light.line, light.series);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForFunction(() => matchMedia('(prefers-color-scheme: dark)').matches);
  await page.waitForTimeout(100);
  const dark = await read();
  assert.notEqual(dark.text, light.text, 'the stylesheet has its own dark colours');
  assert.equal(dark.tick, dark.text, 'axis labels in the dark text colour');
  assert.equal(dark.line, dark.series, 'the curve in the dark series colour');
  assert.deepEqual(problems, []);
  await context.close();
});

test('every chart has an accessible name, and every curve a data table', async () => {
  const { page, context } = await harness.open(harness.url);
  await waitForAllFigures(page);
  const unnamed = await page.$$eval('canvas', (all) => all.filter((c) => c.getAttribute('role') !== 'img' || !c.getAttribute('aria-label')?.trim()).length);
  assert.equal(unnamed, 0);
  const curves = await page.locator('[data-figure="curve"]').count();
  await page.locator('#fn-gelu .data-table summary').click();
  assert.equal(await page.locator('#fn-gelu .data-table tbody tr').count(), 11);
  assert.equal(await page.locator('[data-figure="curve"] .data-table').count(), curves);
  await context.close();
});

for (const lang of ['en', 'zh']) {
  for (const width of [360, 1280]) {
    test(`screenshot ${lang} at ${width} px, with nothing wider than the screen`, async () => {
      const { page, context } = await harness.open(`${harness.url}?lang=${lang}`, { width, height: 800 });
      await waitForAllFigures(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px`);
      if (width >= 1000) {
        // On a wide screen each of the article's functions has its text and its figures side by side.
        const offsets = await page.$$eval('.fn-section.lesson', (all) => all.map((section) =>
          section.querySelector('.fn-figures').getBoundingClientRect().top - section.querySelector('.fn-text').getBoundingClientRect().top));
        assert.ok(offsets.every((d) => Math.abs(d) < 60), `text and figures side by side: ${offsets}`);
      }
      await page.screenshot({ path: outputPath(`page-${lang}-${width}.png`), fullPage: true });
      await context.close();
    });
  }
}
