// The page's two languages: string lookup, applying data-i18n keys to the DOM, and choosing a default.
import { keys, texts } from '@generated/i18n.json';

// {lang: {key: text}} from the build's list of keys and each language's texts in that order.
const strings = Object.fromEntries(Object.entries(texts).map(([lang, list]) => [lang,
  Object.fromEntries(keys.flatMap((key, i) => (list[i] === null ? [] : [[key, list[i]]])))]));

export const languages = Object.keys(strings).sort();
const htmlLang = { en: 'en', zh: 'zh-CN' };
let current = languages.includes('en') ? 'en' : languages[0];

// The language the page is showing.
export function currentLanguage() {
  return current;
}

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
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-label]')) el.setAttribute('aria-label', t(el.dataset.i18nLabel));
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
}

// Switches the language of the whole document (text, <html lang>, title).
export function setLanguage(lang) {
  if (!languages.includes(lang)) return;
  current = lang;
  document.documentElement.lang = htmlLang[lang] ?? lang;
  applyStrings(document);
}

// The first of the browser's preferred languages that we have, else English.
export function browserLanguage(preferred = navigator.languages ?? [navigator.language]) {
  for (const tag of preferred) {
    const base = String(tag).toLowerCase().split('-')[0];
    if (languages.includes(base)) return base;
  }
  return 'en';
}
