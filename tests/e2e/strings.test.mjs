// The two languages carry the same content: every key exists in both, no string is blank, and every catalogue
// function and every value its row uses (use, group, smoothness, saturation) has its prose in both.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import { root } from './harness.mjs';

const require = createRequire(import.meta.url);
const catalogue = (await require(path.join(root, 'dist', 'activation-lab.js'))()).catalogue();
const dir = path.join(root, 'web', 'i18n');
const languages = readdirSync(dir).filter((d) => !d.includes('.')).sort();
const strings = Object.fromEntries(languages.map((lang) => [lang, Object.assign({}, ...readdirSync(path.join(dir, lang))
  .filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(path.join(dir, lang, f), 'utf8'))))]));

test('Chinese and English are both there', () => {
  assert.deepEqual(languages, ['en', 'zh']);
});

test('every key exists in both languages and none is blank', () => {
  const [a, b] = languages;
  const onlyIn = (x, y) => Object.keys(strings[x]).filter((k) => !(k in strings[y]));
  assert.deepEqual(onlyIn(a, b), [], `keys only in ${a}`);
  assert.deepEqual(onlyIn(b, a), [], `keys only in ${b}`);
  for (const lang of languages) {
    for (const [key, text] of Object.entries(strings[lang])) assert.ok(typeof text === 'string' && text.trim(), `${lang}: "${key}" is blank`);
  }
});

test('every catalogue function has its prose, and every fact value its wording, in both languages', () => {
  for (const lang of languages) {
    for (const row of catalogue) {
      const keys = [`fn.${row.id}.summary`, `fn.${row.id}.pitfall`, `use.${row.use}`, `group.${row.group}`,
        `group.${row.group}.intro`, `smoothness.${row.smoothness}`, `saturation.${row.saturation}`];
      if (row.articleOrder > 0) keys.push(`fn.${row.id}.detail`);
      for (const key of keys) assert.ok(strings[lang][key], `${lang} lacks "${key}" (${row.id})`);
    }
  }
});

test('the Chinese text is Chinese, not English left untranslated', () => {
  const prose = Object.entries(strings.zh).filter(([key]) => /^(fn|neuron|activation|why|four|family|guide)\./.test(key));
  const untranslated = prose.filter(([, text]) => !/[\u4e00-\u9fff]/.test(text) && text.length > 12).map(([key]) => key);
  assert.deepEqual(untranslated, []);
});
