// scratch: screenshots of selectors (not committed)
import { startHarness } from './harness.mjs';
const [,, lang = 'en', width = '1280', ...sels] = process.argv;
const h = await startHarness();
const { page, context, problems } = await h.open(`${h.url}${lang === 'en' ? 'en/' : ''}`, { width: Number(width), height: 900 });
for (const sel of sels) {
  const els = await page.$$(sel);
  let i = 0;
  for (const e of els.slice(0, 3)) {
    await e.scrollIntoViewIfNeeded();
    await e.screenshot({ path: `/tmp/i19/shots/${lang}-${width}-${sel.replace(/[^a-z0-9]+/gi, '_')}-${i++}.png` });
  }
}
if (!sels.length) await page.screenshot({ path: `/tmp/i19/shots/${lang}-${width}-full.png`, fullPage: true });
console.log(problems);
await context.close(); await h.close();
