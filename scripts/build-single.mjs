// Builds dist/activation-lab.html: the page in ONE file that a teacher can email or upload to an LMS, with every
// language's pre-rendered lesson in it. Every local stylesheet, script and small asset the page refers to is
// inlined, and the page's
// Content-Security-Policy is tightened so that scripts and styles run only by the sha256 hashes computed here:
// the file works from file:// with no network at all and still allows no injected script or style.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// The policy used when index.html carries none (the one the served page uses, see shared TOOLCHAIN notes).
const defaultPolicy = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; "
  + "font-src 'self'; connect-src 'self' data:; base-uri 'none'; form-action 'none'";

const mimeTypes = { '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.jpg': 'image/jpeg',
  '.webp': 'image/webp', '.woff2': 'font/woff2' };

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

// The value of attribute `name` in a tag's source text, or undefined.
function attribute(tag, name) {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}
const hasAttribute = (tag, name) => new RegExp(`\\s${name}(?:[\\s=>]|$)`, 'i').test(tag);

// A URL relative to `base` (a folder in dist/) as a file path; anything that leaves `top` (dist/) or names
// another origin is refused.
function localFile(base, url, what, top = base) {
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url)) throw new Error(`single file: ${what} "${url}" is not a relative URL`);
  const file = path.resolve(base, decodeURIComponent(url.split(/[?#]/)[0]));
  if (!file.startsWith(top + path.sep) || !existsSync(file)) throw new Error(`single file: ${what} "${url}" not found in ${top}`);
  return file;
}

function dataUri(file) {
  const type = mimeTypes[path.extname(file).toLowerCase()];
  if (!type) throw new Error(`single file: no MIME type known for ${file}`);
  return `data:${type};base64,${readFileSync(file).toString('base64')}`;
}

// JS source made safe inside <script>…</script>: the HTML parser ends the element at "</script" and changes
// state at "<!--", so their "<" is written as the escape \x3C, which means the same in strings, template
// literals and regular expressions (the only places a bundle can contain them).
export function escapeScript(code) {
  return code.replace(/<(?=\/script|!--)/gi, '\\x3C');
}

function inlineCss(dir, cssFile) {
  const css = readFileSync(cssFile, 'utf8').replace(/\/\*# sourceMappingURL=[^*]*\*\/\s*$/, '');
  if (/<\/style/i.test(css)) throw new Error(`single file: ${cssFile} contains "</style"`);
  // Fonts or images the stylesheet refers to travel as data: URIs (allowed by img-src / font-src data:).
  return css.replace(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g, (whole, quote, url) => (
    /^data:/i.test(url) ? whole : `url("${dataUri(localFile(path.dirname(cssFile), url, 'stylesheet asset'))}")`));
}

// Replaces `directive`'s sources in `policy` with `sources` (adding the directive when absent).
function setDirective(policy, directive, sources) {
  const parts = policy.split(';').map((p) => p.trim()).filter(Boolean);
  const value = `${directive} ${sources.join(' ')}`;
  const at = parts.findIndex((p) => p.split(/\s+/)[0].toLowerCase() === directive);
  if (at >= 0) parts[at] = value;
  else parts.push(value);
  return parts.join('; ');
}

// Policy sources kept from the page's own policy: keywords that are not about where code comes from.
const keptScriptKeywords = ["'wasm-unsafe-eval'"];

// The language pages of `dir` (from the root page's data-page-<lang> attributes): [{lang, page}], root first.
export function languagePages(dir) {
  const root = readFileSync(path.join(path.resolve(dir), 'index.html'), 'utf8');
  const pages = [...root.matchAll(/\sdata-page-([a-z]{2})="([^"]+)"/g)].map(([, lang, page]) => ({ lang, page }));
  return pages.length ? pages.sort((a, b) => (a.page === 'index.html' ? -1 : b.page === 'index.html' ? 1 : 0)) : [{ lang: '', page: 'index.html' }];
}

// The one-file page built from the HTML of `dir`/`page`; returns {html, scriptHashes, styleHashes}.
// `names` maps each language to its one-file sibling, for the language links.
export function singleFileHtml(top, page = 'index.html', names = {}) {
  top = path.resolve(top);
  const dir = path.dirname(path.join(top, page));
  const localFileIn = (base, url, what) => localFile(base, url, what, top);
  let html = readFileSync(path.join(top, page), 'utf8');
  if (!/<head[\s>]/i.test(html) || !/<\/body>/i.test(html)) throw new Error(`single file: ${page} has no <head> or </body>`);
  const scripts = [];
  const styles = [];
  const deferred = [];

  // Scripts are set aside first, so the rewrites below only ever see the page's markup, never inlined code.
  const inlined = [];
  html = html.replace(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi, (whole, attrs, body) => {
    const open = `<script${attrs}>`;
    const src = attribute(open, 'src');
    if (src === undefined) {
      if (body.trim()) scripts.push(body);
      inlined.push(whole);
      return `\u0000${inlined.length - 1}\u0000`;
    }
    if (/type\s*=\s*["']?module/i.test(attrs)) throw new Error(`single file: module script "${src}" cannot run from file://`);
    const code = escapeScript(readFileSync(localFileIn(dir, src, 'script'), 'utf8').replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '\n'));
    scripts.push(code);
    // The module keeps its name, so the lab can hand its source to a worker (web/demos/lab-offload.js).
    inlined.push(path.basename(src) === 'activation-lab.js' ? `<script data-src="activation-lab.js">${code}</script>` : `<script>${code}</script>`);
    const token = `\u0000${inlined.length - 1}\u0000`;
    // An inline script ignores defer/async; running it at the end of <body> keeps the order the page expects.
    if (hasAttribute(open, 'defer') || hasAttribute(open, 'async')) {
      deferred.push(token);
      return '';
    }
    return token;
  });
  if (deferred.length) {
    const end = html.search(/<\/body>/i);
    html = `${html.slice(0, end)}${deferred.join('\n')}\n${html.slice(end)}`;
  }

  html = html.replace(/<link\b[^>]*>/gi, (tag) => {
    const rel = (attribute(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
    const href = attribute(tag, 'href');
    if (rel.includes('stylesheet')) {
      const css = inlineCss(top, localFileIn(dir, href, 'stylesheet'));
      styles.push(css);
      return `<style>${css}</style>`;
    }
    if (rel.includes('icon')) return /^data:/i.test(href) ? tag : tag.replace(href, () => dataUri(localFileIn(dir, href, 'icon')));
    // Preloads, manifests and the like point at files that are no longer separate.
    if (rel.some((r) => ['preload', 'modulepreload', 'prefetch', 'manifest'].includes(r))) return '';
    return tag;
  });

  html = html.replace(/<img\b[^>]*>/gi, (tag) => {
    const src = attribute(tag, 'src');
    return src && !/^data:/i.test(src) ? tag.replace(src, () => dataUri(localFileIn(dir, src, 'image'))) : tag;
  });

  if (/<[a-z][^>]*\sstyle\s*=/i.test(html)) throw new Error('single file: style="" attributes would be blocked by the policy; use classes');
  // <style> elements written directly in index.html count as well.
  for (const [, css] of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) if (!styles.includes(css)) styles.push(css);

  const scriptHashes = [...new Set(scripts.map(sha256))];
  const styleHashes = [...new Set(styles.map(sha256))];

  const metaPattern = /<meta\b[^>]*http-equiv\s*=\s*["']?content-security-policy["']?[^>]*>/i;
  const meta = metaPattern.exec(html)?.[0];
  let policy = meta ? attribute(meta, 'content').replace(/&#39;|&apos;/g, "'").replace(/&quot;/g, '"') : defaultPolicy;
  const scriptSources = (/script-src\s+([^;]*)/i.exec(policy)?.[1] ?? '').split(/\s+/);
  policy = setDirective(policy, 'script-src', [...scriptHashes, ...keptScriptKeywords.filter((k) => scriptSources.includes(k))]);
  policy = setDirective(policy, 'style-src', styleHashes.length ? styleHashes : ["'none'"]);
  // The training lab's worker travels as inert text (a script of type text/plain never runs); the lab starts it
  // from a blob of the module's source and this one, which only worker-src blob: allows.
  const workerFile = path.join(top, 'lab-worker.js');
  if (existsSync(workerFile)) {
    const worker = escapeScript(readFileSync(workerFile, 'utf8'));
    html = html.replace(/<\/body>/i, () => `<script type="text/plain" data-lab-worker>${worker}</script>\n</body>`);
    policy = setDirective(policy, 'worker-src', ['blob:']);
  }
  const newMeta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
  if (meta) html = html.replace(meta, () => newMeta);
  else html = html.replace(/<head[^>]*>/i, (head) => `${head}\n${newMeta}`);
  // The language links and boot.js's redirect go to the sibling files; canonical and alternate links name the
  // published pages, which a file on a teacher's disk is not.
  html = html.replace(/<link\b[^>]*\srel="(?:canonical|alternate)"[^>]*>/gi, '');
  html = html.replace(/\sdata-page-([a-z]{2})="[^"]*"/g, (whole, lang) => (lang in names ? ` data-page-${lang}="${names[lang]}"` : whole));
  html = html.replace(/<a\b[^>]*\sdata-lang="([a-z]{2})"[^>]*>/g, (tag, lang) => (lang in names ? tag.replace(/\shref="[^"]*"/, ` href="${names[lang]}?lang=${lang}"`) : tag));
  html = html.replace(/\u0000(\d+)\u0000/g, (token, i) => inlined[Number(i)]);
  return { html, scriptHashes, styleHashes };
}

const escapeAttribute = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

// Another language's lesson as an inert <template>: its <body> up to its scripts, with its title and
// description (web/lesson/inline-lessons.js puts it in place when `?lang=` asks for it).
function lessonTemplate(dir, { lang, page }) {
  const html = readFileSync(path.join(dir, page), 'utf8');
  const body = /<body[^>]*>([\s\S]*?)<script\b/i.exec(html)?.[1];
  if (body === undefined || /<\/?template\b/i.test(body)) throw new Error(`single file: ${page} has no lesson to carry`);
  const htmlLang = /<html\b[^>]*\slang="([^"]*)"/i.exec(html)?.[1] ?? lang;
  const title = /<title>([^<]*)<\/title>/i.exec(html)?.[1] ?? '';
  const description = /<meta name="description" content="([^"]*)"/i.exec(html)?.[1] ?? '';
  return `<template data-lesson="${lang}" data-html-lang="${htmlLang}" data-title="${title.replace(/"/g, '&quot;')}" data-description="${description}">${body}</template>\n`;
}

// Writes dist/activation-lab.html: the root page's language as the page and every other language as an inline
// lesson, so the one file switches language by itself (its language links are `?lang=…` on the same file,
// whatever a teacher renames it to). Returns [{name, bytes}].
export function writeSingleFile(dir = path.join(root, 'dist'), out = path.join(dir, 'activation-lab.html')) {
  const [home, ...others] = languagePages(dir);
  // An empty page address is the file itself: its language links become `?lang=<lang>`.
  const names = Object.fromEntries([home, ...others].map((p) => [p.lang, '']));
  let { html } = singleFileHtml(dir, home.page, names);
  if (others.length) {
    const templates = others.map((p) => lessonTemplate(dir, p)).join('');
    const firstBodyScript = html.indexOf('<script>', html.search(/<body[\s>]/i));
    html = `${html.slice(0, firstBodyScript)}${templates}${html.slice(firstBodyScript)}`;
    html = html.replace(/<html\b/i, `<html data-lessons="${escapeAttribute(others.map((p) => p.lang).join(' '))}"`);
  }
  writeFileSync(out, html);
  return [{ name: path.basename(out), bytes: Buffer.byteLength(html) }];
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const { name, bytes } of writeSingleFile(process.argv[2] ? path.resolve(process.argv[2]) : undefined)) {
    console.log(`build: ${name} ready (${(bytes / 1024).toFixed(0)} KiB, one file)`);
  }
}
