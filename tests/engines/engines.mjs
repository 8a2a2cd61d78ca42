// The three engines, which of them this run uses (BROWSERS=chromium,firefox,webkit; all three by default) and
// whether each is installed. A missing engine is never skipped in silence: its tests fail with a message saying
// how to install it, and locally (not CI=true) they are reported as skipped with that message instead.
import { accessSync, constants } from 'node:fs';
import * as chromium from './chromium.mjs';
import * as firefox from './firefox.mjs';
import * as webkit from './webkit.mjs';

const isExecutable = (file) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

const onPath = (command) => (process.env.PATH ?? '').split(':').some((dir) => dir && isExecutable(`${dir}/${command}`));

export const engines = {
  chromium: {
    launch: chromium.launch,
    missing: () => (isExecutable(chromium.executable()) ? null
      : `Chromium is not at ${chromium.executable()}: apt-get install chromium (Debian), or set CHROMIUM_PATH to a Chromium or Chrome`),
  },
  firefox: {
    launch: firefox.launch,
    missing: () => (isExecutable(firefox.executable()) ? null
      : `Firefox is not at ${firefox.executable()}: apt-get install firefox-esr (Debian), or set FIREFOX_PATH to a current Firefox (153 ESR is tested)`),
  },
  webkit: {
    launch: webkit.launch,
    missing: () => {
      const gone = [];
      if (!isExecutable(webkit.driverPath())) gone.push(`WebKitWebDriver (${webkit.driverPath()})`);
      if (!isExecutable(webkit.browserPath())) gone.push(`MiniBrowser (${webkit.browserPath()})`);
      if (!onPath('xvfb-run')) gone.push('xvfb-run');
      return gone.length ? `WebKit is missing ${gone.join(', ')}: apt-get install webkit2gtk-driver xvfb (Debian; other Linux: `
        + 'WebKitGTK\'s WebDriver and Xvfb, with WEBKIT_DRIVER_PATH and WEBKIT_BROWSER_PATH if elsewhere)' : null;
    },
  },
};

// The engines this run is asked for, in a fixed order; an unknown name is an error, not ignored.
export function selectedEngines(spec = process.env.BROWSERS) {
  if (!spec || !spec.trim()) return Object.keys(engines);
  const names = spec.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const unknown = names.filter((n) => !engines[n]);
  if (unknown.length) throw new Error(`BROWSERS names unknown engines: ${unknown.join(', ')} (known: ${Object.keys(engines).join(', ')})`);
  return Object.keys(engines).filter((n) => names.includes(n));
}
