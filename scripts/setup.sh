#!/usr/bin/env bash
# Installs what the build (and, with --with-browser, the test suite) needs and is missing.
# On Debian/Ubuntu as root it installs with apt-get; elsewhere it says what to install and how.
#   --build-only    only what `npm run build` needs (Emscripten, CMake, npm packages)
#   --with-browser  also what the tests need: GoogleTest, Chromium, a CJK font, and PyTorch, matplotlib and
#                   mpmath for Debian's /usr/bin/python3 (the PyTorch conformance layer); for the cross-engine
#                   journeys also Firefox ESR and WebKitGTK's WebDriver with Xvfb (only the engines BROWSERS names,
#                   e.g. BROWSERS=chromium,firefox; all three by default)
set -euo pipefail
cd "$(dirname "$0")/.."

mode=start
for arg in "$@"; do
  case "$arg" in
    --build-only) mode=build ;;
    --with-browser) mode=test ;;
    *) echo "setup.sh: unknown option $arg" >&2; exit 2 ;;
  esac
done

missing_pkgs=()
need() { # need <debian-package> <check command...>
  local pkg=$1; shift
  "$@" >/dev/null 2>&1 || missing_pkgs+=("$pkg")
}
# The other browser engines: without them the rest of the tests still run (their journeys say what is missing),
# except under CI=true, where a missing engine fails the run.
missing_engines=()
need_engine() { # need_engine <engine> <debian-package> <check command...>
  local engine=$1 pkg=$2; shift 2
  "$@" >/dev/null 2>&1 && return
  missing_pkgs+=("$pkg")
  missing_engines+=("$engine ($pkg)")
}
engine_wanted() { [ -z "${BROWSERS:-}" ] || [[ ",${BROWSERS// /}," == *",$1,"* ]]; }
need emscripten command -v emcc
need cmake command -v cmake
need g++ command -v g++
if [ "$mode" = test ]; then
  need libgtest-dev test -f /usr/include/gtest/gtest.h
  if [ -n "${CHROMIUM_PATH:-}" ]; then
    [ -x "$CHROMIUM_PATH" ] || { echo "setup: CHROMIUM_PATH=$CHROMIUM_PATH is not an executable" >&2; exit 1; }
  else
    need chromium test -x /usr/bin/chromium
  fi
  need fonts-wqy-microhei test -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc
  if engine_wanted firefox; then need_engine Firefox firefox-esr test -x "${FIREFOX_PATH:-/usr/bin/firefox-esr}"; fi
  if engine_wanted webkit; then
    need_engine WebKit webkit2gtk-driver test -x "${WEBKIT_DRIVER_PATH:-/usr/bin/WebKitWebDriver}"
    need_engine WebKit xvfb command -v xvfb-run
  fi
  # Checked by file, not by importing: importing torch takes seconds. ALAB_TORCH_PYTHON names another Python.
  if [ -z "${ALAB_TORCH_PYTHON:-}" ]; then
    for module in torch matplotlib mpmath; do
      need "python3-$module" test -f "/usr/lib/python3/dist-packages/$module/__init__.py"
    done
  fi
fi

if [ ${#missing_pkgs[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing ${missing_pkgs[*]} with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing_pkgs[@]}" >/dev/null
  else
    # Only browser engines missing: say so and go on, unless this is CI.
    if [ ${#missing_engines[@]} -gt 0 ] && [ ${#missing_engines[@]} -eq ${#missing_pkgs[@]} ] && [ "${CI:-}" != true ]; then
      cat >&2 <<MSG
setup: the cross-engine journeys will not run in: ${missing_engines[*]}
  On Debian or Ubuntu:  sudo apt-get install ${missing_pkgs[*]}
  Firefox elsewhere:    a current Firefox (153 ESR is tested); set FIREFOX_PATH to its executable
  WebKit elsewhere:     WebKitGTK's WebKitWebDriver and MiniBrowser and Xvfb (set WEBKIT_DRIVER_PATH, WEBKIT_BROWSER_PATH)
  Or choose engines:    BROWSERS=chromium npm test
MSG
      missing_pkgs=()
    fi
  fi
fi

if [ ${#missing_pkgs[@]} -gt 0 ]; then
  if ! { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; }; then
    cat >&2 <<MSG
setup: missing: ${missing_pkgs[*]}
  On Debian or Ubuntu:  sudo apt-get install ${missing_pkgs[*]}
  Emscripten elsewhere: install the emsdk (https://emscripten.org/docs/getting_started/downloads.html),
                        run 'emsdk install latest && emsdk activate latest' and source emsdk_env.sh
  Chromium elsewhere:   any Chromium or Chrome; set CHROMIUM_PATH to its executable
  PyTorch elsewhere:    a Python with torch 1.13, matplotlib and mpmath; set ALAB_TORCH_PYTHON to it
  Firefox, WebKit:      FIREFOX_PATH, WEBKIT_DRIVER_PATH/WEBKIT_BROWSER_PATH, or leave them out with BROWSERS=chromium
MSG
    exit 1
  fi
fi

if ! command -v node >/dev/null 2>&1 || [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
  echo "setup: Node.js 20 or newer is needed (https://nodejs.org)" >&2
  exit 1
fi

# npm packages from the lock file, when node_modules is missing or older than the lock file.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
fi
