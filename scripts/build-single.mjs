// Builds dist/activation-lab.html: the page in ONE file that a teacher can email or upload to an LMS.
// Every local stylesheet, script and small asset that dist/index.html refers to is inlined, and the page's
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

// A relative URL in dist/ as a file path; anything that leaves dist/ or names another origin is refused.
function localFile(dir, url, what) {
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url)) throw new Error(`single file: ${what} "${url}" is not a relative URL`);
  const file = path.resolve(dir, decodeURIComponent(url.split(/[?#]/)[0]));
  if (!file.startsWith(dir + path.sep) || !existsSync(file)) throw new Error(`single file: ${what} "${url}" not found in ${dir}`);
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

// The one-file page built from the HTML of `dir`/index.html; returns {html, scriptHashes, styleHashes}.
export function singleFileHtml(dir) {
  dir = path.resolve(dir);
  let html = readFileSync(path.join(dir, 'index.html'), 'utf8');
  if (!/<head[\s>]/i.test(html) || !/<\/body>/i.test(html)) throw new Error(`single file: ${dir}/index.html has no <head> or </body>`);
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
    const code = escapeScript(readFileSync(localFile(dir, src, 'script'), 'utf8').replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '\n'));
    scripts.push(code);
    inlined.push(`<script>${code}</script>`);
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
      const css = inlineCss(dir, localFile(dir, href, 'stylesheet'));
      styles.push(css);
      return `<style>${css}</style>`;
    }
    if (rel.includes('icon')) return /^data:/i.test(href) ? tag : tag.replace(href, () => dataUri(localFile(dir, href, 'icon')));
    // Preloads, manifests and the like point at files that are no longer separate.
    if (rel.some((r) => ['preload', 'modulepreload', 'prefetch', 'manifest'].includes(r))) return '';
    return tag;
  });

  html = html.replace(/<img\b[^>]*>/gi, (tag) => {
    const src = attribute(tag, 'src');
    return src && !/^data:/i.test(src) ? tag.replace(src, () => dataUri(localFile(dir, src, 'image'))) : tag;
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
  const newMeta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
  if (meta) html = html.replace(meta, () => newMeta);
  else html = html.replace(/<head[^>]*>/i, (head) => `${head}\n${newMeta}`);
  html = html.replace(/\u0000(\d+)\u0000/g, (token, i) => inlined[Number(i)]);
  return { html, scriptHashes, styleHashes };
}

// Writes `dir`/activation-lab.html (or `out`) and returns its size in bytes.
export function writeSingleFile(dir = path.join(root, 'dist'), out = path.join(dir, 'activation-lab.html')) {
  const { html } = singleFileHtml(dir);
  writeFileSync(out, html);
  return Buffer.byteLength(html);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const bytes = writeSingleFile(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
  console.log(`build: dist/activation-lab.html ready (${(bytes / 1024).toFixed(0)} KiB, one file)`);
}
