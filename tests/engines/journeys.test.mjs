// Runs every journey (journeys.mjs) in every selected engine: BROWSERS=chromium,firefox,webkit (the default is all
// three). One browser per engine, a fresh page per journey. Screenshots go to test-output/<engine>/.
// An engine that is not installed fails the run under CI=true and is reported as skipped, with how to install
// it, otherwise; one left out by BROWSERS is reported as skipped too.
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { engines, selectedEngines } from './engines.mjs';
import { journeys } from './journeys.mjs';
import { distDir, root, startHostServer, startLabServer } from './servers.mjs';

const selected = selectedEngines();
const ctx = { file: `${pathToFileURL(distDir).href}/` };
let lab;
let host;

before(async () => {
  lab = await startLabServer();
  host = await startHostServer(lab.url);
  Object.assign(ctx, { lab: lab.url, host: host.url, reports: lab.reports });
});
after(async () => {
  await host?.close();
  await lab?.close();
});

for (const name of Object.keys(engines)) {
  if (!selected.includes(name)) {
    test(`${name}: not run`, { skip: `not in BROWSERS=${process.env.BROWSERS}` }, () => {});
    continue;
  }
  const missing = engines[name].missing();
  if (missing) {
    if (process.env.CI === 'true') test(`${name}: installed`, () => assert.fail(missing));
    else test(`${name}: installed`, { skip: missing }, () => {});
    continue;
  }
  describe(name, () => {
    let engine;
    before(async () => { engine = await engines[name].launch(); });
    after(async () => { await engine?.close(); });
    test('launches', (t) => { t.diagnostic(engine.version); });
    for (const journey of journeys) {
      const skip = journey.engines && !journey.engines.includes(name) ? `not in ${name}: ${journey.why ?? 'see the journey'}` : false;
      test(journey.name, { skip }, async () => {
        const page = await engine.newPage(journey.viewport);
        try {
          await journey.run(page, { ...ctx, engine: name, out: path.join(root, 'test-output', name) });
        } finally {
          await page.close();
        }
      });
    }
  });
}
