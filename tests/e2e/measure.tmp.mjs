import { startHarness } from './harness.mjs';
const h = await startHarness();
for (const width of [320, 360, 480, 577, 833, 1280]) for (const lang of ['en', 'zh']) {
  const { page, context, problems } = await h.open(`${h.url}${lang === 'en' ? 'en/' : ''}`, { width, height: 900 });
  const r = await page.evaluate(() => [...document.querySelectorAll('[data-figure="compare"], [data-figure="neuron"]')].map((e) => `${e.dataset.figure}:${Math.ceil(e.getBoundingClientRect().height)}`));
  console.log(width, lang, r.join(' '), problems.join(';'));
  await context.close();
}
await h.close();
