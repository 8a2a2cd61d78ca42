import { startHarness } from './harness.mjs';
const h = await startHarness();
for (const width of [320, 360, 480, 600, 800, 900, 1280, 1920]) for (const lang of ['en', 'zh']) {
  const { page, context, problems } = await h.open(`${h.url}${lang === 'en' ? 'en/' : ''}`, { width, height: 900 });
  const r = await page.evaluate(() => [...document.querySelectorAll('[data-demo="softmax"], [data-demo="symmetry"]')].map((e) => `${e.dataset.demo}:${Math.ceil(e.getBoundingClientRect().height)}`));
  console.log(width, lang, r.join(' '), problems.join(';'));
  await context.close();
}
await h.close();
