// The first load as a phone gets it: Lighthouse (mobile and desktop presets, Debian's Chromium) against dist/
// served as GitHub Pages serves it (gzip, Cache-Control: max-age=600), for both language pages and one embed
// view; the median of three runs per page and preset, beside the figures of the previous bench-results.json.
// Lighthouse is installed for the bench only, into build/bench-tools/, so `npm test` stays lean. The pages are
// written again with the server's address as their published one (SITE_URL), as the Pages workflow does.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

import { prerenderPages, writePages } from '../prerender.mjs';
import { median, root } from './common.mjs';

const require = createRequire(import.meta.url);

const lighthouseVersion = '12.2.3';
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml' };

// A static server for dist/ that compresses and caches as GitHub Pages does; `/x/` serves `/x/index.html`.
export function pagesLikeServer(dir) {
  const server = http.createServer((request, response) => {
    let name = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    if (name.endsWith('/')) name += 'index.html';
    const file = path.join(dir, path.normalize(name));
    if (!file.startsWith(dir) || !existsSync(file)) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    const body = readFileSync(file);
    const headers = { 'Content-Type': types[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'max-age=600' };
    if (/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
      response.writeHead(200, { ...headers, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' }).end(zlib.gzipSync(body, { level: 6 }));
    } else {
      response.writeHead(200, headers).end(body);
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://localhost:${server.address().port}/` })));
}

// The lighthouse command, installed on first use.
function lighthouseBin() {
  const prefix = path.join(root, 'build', 'bench-tools');
  const bin = path.join(prefix, 'node_modules', '.bin', 'lighthouse');
  const installed = path.join(prefix, 'node_modules', 'lighthouse', 'package.json');
  if (!existsSync(installed) || JSON.parse(readFileSync(installed, 'utf8')).version !== lighthouseVersion) {
    console.log(`bench: installing lighthouse@${lighthouseVersion} into build/bench-tools`);
    const result = spawnSync('npm', ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', '--loglevel=error',
      `lighthouse@${lighthouseVersion}`], { stdio: 'inherit' });
    if (result.status !== 0) throw new Error('bench: could not install lighthouse from the npm registry');
  }
  return bin;
}

// One Lighthouse run; asynchronous, since the server answering it lives in this process.
async function lighthouse(bin, url, preset, out) {
  const args = [url, '--quiet', '--output=json', `--output-path=${out}`, '--only-categories=performance,accessibility,best-practices,seo',
    '--chrome-flags=--headless=new --no-sandbox'];
  if (preset === 'desktop') args.push('--preset=desktop');
  await new Promise((resolve, reject) => {
    const child = spawn(bin, args, { env: { ...process.env, CHROME_PATH: chromium }, stdio: ['ignore', 'ignore', 'pipe'] });
    let text = '';
    child.stderr.on('data', (chunk) => { text += chunk; });
    const timer = setTimeout(() => child.kill('SIGKILL'), 180000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`lighthouse failed for ${url} (${preset}), exit ${code}: ${text.slice(-800)}`));
    });
  });
  const report = JSON.parse(readFileSync(out, 'utf8'));
  const score = (id) => Math.round((report.categories[id]?.score ?? 0) * 100);
  const audit = (id) => report.audits[id]?.numericValue ?? null;
  return {
    performance: score('performance'), accessibility: score('accessibility'), bestPractices: score('best-practices'), seo: score('seo'),
    cls: audit('cumulative-layout-shift'), tbt: audit('total-blocking-time'), lcp: audit('largest-contentful-paint'),
    tti: audit('interactive'), domSize: audit('dom-size'),
    failed: Object.values(report.audits).filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative'
      && a.scoreDisplayMode !== 'manual' && a.scoreDisplayMode !== 'notApplicable').map((a) => a.id),
  };
}

// The previous run's rows, by page and preset, from bench-results.json.
function previousRows() {
  try {
    const rows = JSON.parse(readFileSync(path.join(root, 'bench-results.json'), 'utf8')).parts['first-load']?.rows ?? [];
    return new Map(rows.map((r) => [`${r.page} ${r.preset}`, r]));
  } catch {
    return new Map();
  }
}

export async function run({ quick = false } = {}) {
  const runs = quick ? 1 : 3;
  const bin = lighthouseBin();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'alab-lh-'));
  const site = path.join(tmp, 'site');
  cpSync(path.join(root, 'dist'), site, { recursive: true });
  const { server, url } = await pagesLikeServer(site);
  const lab = await require(path.join(site, 'activation-lab.js'))();
  writePages(site, await prerenderPages({ root, generated: path.join(root, 'build', 'generated'), lab, siteUrl: url }));
  const pages = [['zh (root)', ''], ['en', 'en/'], ['embed gelu', '?embed=1&part=fn&fn=gelu']];
  const previous = previousRows();
  const rows = [];
  try {
    for (const [page, suffix] of pages) {
      for (const preset of ['mobile', 'desktop']) {
        const results = [];
        for (let i = 0; i < runs; i++) results.push(await lighthouse(bin, url + suffix, preset, path.join(tmp, `${rows.length}-${i}.json`)));
        const mid = (key) => median(results.map((r) => r[key]));
        const before = previous.get(`${page} ${preset}`);
        rows.push({
          page, preset, performance: mid('performance'), accessibility: mid('accessibility'), 'best practices': mid('bestPractices'),
          seo: mid('seo'), CLS: Number(mid('cls').toFixed(3)), 'TBT ms': Math.round(mid('tbt')), 'LCP ms': Math.round(mid('lcp')),
          'TTI ms': Math.round(mid('tti')), 'DOM elements': mid('domSize'),
          'previous perf / CLS / TBT': before ? `${before.performance} / ${before.CLS} / ${before['TBT ms']}` : '—',
          'audits below 0.9': [...new Set(results.flatMap((r) => r.failed))].join(' ') || 'none',
        });
      }
    }
  } finally {
    server.close();
    rmSync(tmp, { recursive: true, force: true });
  }
  return {
    title: `First load: Lighthouse ${lighthouseVersion}, median of ${runs} (dist/ served gzip + max-age=600)`,
    columns: ['page', 'preset', 'performance', 'accessibility', 'best practices', 'seo', 'CLS', 'TBT ms', 'LCP ms', 'TTI ms',
      'DOM elements', 'previous perf / CLS / TBT', 'audits below 0.9'],
    rows,
  };
}
