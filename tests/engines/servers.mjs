// The servers the cross-engine journeys use: dist/ over http, with the page's own Content-Security-Policy repeated
// as a report-only header whose reports come back here (so a violation during load is seen in every engine, even
// where nothing can listen inside the page that early), and a course page on another origin that embeds the lab.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const distDir = path.join(root, 'dist');

// The policy exactly as the built page declares it in its <meta>.
function pagePolicy() {
  const html = readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const policy = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
  if (!policy) throw new Error('dist/index.html declares no Content-Security-Policy');
  return policy;
}

const listen = (server, host) => new Promise((resolve, reject) => {
  server.once('error', reject);
  server.listen(0, host, () => resolve(server.address().port));
});

// Serves dist/ on localhost; `reports` collects the CSP reports the browsers send.
export async function startLabServer() {
  const reports = [];
  const header = `${pagePolicy()}; report-uri /__csp-report`;
  const files = sirv(distDir, { dev: true, setHeaders: (res) => res.setHeader('Content-Security-Policy-Report-Only', header) });
  const server = http.createServer((req, res) => {
    if (req.url === '/__csp-report' && req.method === 'POST') {
      let body = '';
      req.on('data', (chunk) => { body += chunk; });
      req.on('end', () => {
        try {
          const report = JSON.parse(body)['csp-report'] ?? JSON.parse(body);
          reports.push(`CSP report: ${report['violated-directive'] ?? report['effective-directive']} ${report['blocked-uri'] ?? ''} on ${report['document-uri']}`);
        } catch {
          reports.push(`CSP report (unreadable): ${body.slice(0, 200)}`);
        }
        res.statusCode = 204;
        res.end();
      });
      return;
    }
    if (req.url.startsWith('/__viewport?')) {
      // A page holding one borderless iframe of the given size: a narrow viewport for an engine whose window
      // cannot be that narrow (webkit.mjs).
      const q = new URL(req.url, 'http://lab').searchParams;
      const attr = (v) => String(v).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(`<!doctype html><html><body style="margin: 0"><iframe id="viewport" src="${attr(q.get('src'))}"
        width="${Number(q.get('width'))}" height="${Number(q.get('height'))}" style="border: 0; display: block"
        onload="this.dataset.loaded = 'true'"></iframe></body></html>`);
      return;
    }
    files(req, res, () => {
      res.statusCode = 404;
      res.end('Not found');
    });
  });
  const port = await listen(server, '127.0.0.1');
  return { url: `http://localhost:${port}/`, reports, close: () => new Promise((resolve) => server.close(resolve)) };
}

// A course page on another origin (127.0.0.1 rather than localhost) holding an <iframe> of `labUrl` and the
// parent-resize script, as a teacher would paste them; it records every message it receives in window.labMessages.
export async function startHostServer(labUrl) {
  const server = http.createServer((req, res) => {
    const query = new URL(req.url, 'http://host').searchParams.get('frame') ?? '';
    const src = `${labUrl}en/index.html?${query}`.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A course page</title></head><body>
<h1>Week 3: activation functions</h1>
<script>window.labMessages = []; addEventListener('message', function (e) { window.labMessages.push(e.data); });</script>
<iframe id="lab" title="Activation Lab" src="${src}" width="100%" height="300"></iframe>
<p>Question: what happens to the output for negative inputs?</p>
<script src="${labUrl}activation-lab-embed.js" defer></script>
</body></html>`);
  });
  const port = await listen(server, '127.0.0.1');
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(resolve)) };
}
