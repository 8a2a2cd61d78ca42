// Serves dist/ with sirv on http://localhost:8080 (PORT overrides; BASE_PATH serves it under a sub-path
// such as /activation-lab/, as GitHub Pages does for project sites). Also imported by the browser tests.
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import sirv from 'sirv';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// Starts a static server for `dir` under `base`; resolves to {server, url}. port 0 picks a free port.
export function startServer({ dir = path.join(root, 'dist'), port = 8080, base = '/', host = '127.0.0.1' } = {}) {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const files = sirv(dir, { dev: true, etag: true });
  const server = http.createServer((req, res) => {
    if (!req.url.startsWith(prefix)) {
      res.statusCode = 404;
      res.end('Not found');
      return;
    }
    req.url = `/${req.url.slice(prefix.length)}`;
    files(req, res, () => {
      res.statusCode = 404;
      res.end('Not found');
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const actual = server.address().port;
      resolve({ server, url: `http://localhost:${actual}${prefix}` });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve: PORT must be a port number, got "${process.env.PORT}"`);
    process.exit(2);
  }
  try {
    const { url } = await startServer({ port, base: process.env.BASE_PATH ?? '/', host: process.env.HOST ?? '127.0.0.1' });
    console.log(`Activation Lab is served at ${url}  (Ctrl+C stops it)`);
  } catch (err) {
    console.error(err.code === 'EADDRINUSE' ? `serve: port ${port} is in use; try PORT=8081 npm start` : err.message);
    process.exit(1);
  }
}
