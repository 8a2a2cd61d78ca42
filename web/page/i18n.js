// The page's two languages: string lookup and applying data-i18n keys to the DOM. Each language has its own
// pre-rendered page; the language of the page in use is that of its <html> element.
// '@strings' is every text for the build's pre-rendering, and in app.js only those scripts can ask for.
import { keys, texts } from '@strings/i18n.json';
import { nameOf } from './names.js';

// {lang: {key: text}} from the build's list of keys and each language's texts in that order.
const strings = Object.fromEntries(Object.entries(texts).map(([lang, list]) => [lang,
  Object.fromEntries(keys.flatMap((key, i) => (list[i] === null ? [] : [[key, list[i]]])))]));

export const languages = Object.keys(strings).sort();
const htmlLangs = { en: 'en', zh: 'zh-CN' };
// The value of <html lang> for one of our languages.
export const htmlLangOf = (lang) => htmlLangs[lang] ?? lang;

// The language a document was rendered in (its <html data-lang>), else English.
export function documentLanguage(doc = globalThis.document) {
  const lang = doc?.documentElement?.dataset?.lang;
  return languages.includes(lang) ? lang : (languages.includes('en') ? 'en' : languages[0]);
}

let current = documentLanguage();

// The string for `key` in the current language with {name} placeholders filled; a missing key is reported.
export function t(key, vars) {
  let text = strings[current]?.[key];
  if (text === undefined) {
    console.error(`i18n: missing key "${key}" for "${current}"`);
    text = key;
  }
  if (vars) text = text.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
  return text;
}

// Whether `key` exists in the current language (optional prose such as a per-function note).
export function hasString(key) {
  return typeof strings[current]?.[key] === 'string' && strings[current][key] !== '';
}

// Fills every [data-i18n] element's text and every [data-i18n-label] element's aria-label under `root`.
export function applyStrings(root) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.getAttribute('data-i18n'));
  for (const el of root.querySelectorAll('[data-i18n-label]')) el.setAttribute('aria-label', t(el.getAttribute('data-i18n-label')));
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.setAttribute('placeholder', t(el.getAttribute('data-i18n-placeholder')));
}

// Chooses the language `t` speaks (the build renders each language in turn).
export function setLanguage(lang) {
  if (languages.includes(lang)) current = lang;
}

// A function's name as menus and headings show it: the catalogue's name, or the language's own word for it where
// the language has one (`fn.<id>.name`, e.g. 恒等函数 for Identity).
export function displayName(row) {
  return nameOf({ t, hasString }, row);
}
