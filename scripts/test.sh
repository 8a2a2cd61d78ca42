#!/usr/bin/env bash
# Runs every test layer against what `npm run build` produced; exits non-zero if any layer failed.
#   1. C++ (GoogleTest via CTest), natively
#   2. the same C++ tests under AddressSanitizer + UndefinedBehaviorSanitizer
#   3. the WebAssembly module in Node (node --test)
#   4. the page's input handling in Node, property-based (node --test + fast-check), and the source tree's
#      layers (scripts/check-layers.mjs: no import cycle, Emscripten only in src/wasm/)
#   5. types: tsc --noEmit --checkJs over tests/wasm/ and web/ against src/js/activation-lab.d.ts
#   6. the page in headless Chromium (node --test + playwright-core)
#   7. the cross-engine journeys in Chromium, Firefox and WebKit, and a phone in Chromium's touch emulation
#      (BROWSERS=chromium,firefox picks engines; a missing engine fails under CI=true and is reported otherwise)
#   8. PyTorch conformance: randn, print(t), every function and the try-it scripts against real PyTorch
set -uo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
failed=()

layer() { # layer <name> <command...>
  local name=$1; shift
  echo
  echo "=== $name"
  if ! "$@"; then failed+=("$name"); fi
}

cpp_suite() { # cpp_suite <build-dir> [cmake options...]
  local dir=$1; shift
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release "$@" >"$dir.configure.log" 2>&1 || { cat "$dir.configure.log"; return 1; }
  cmake --build "$dir" -j "$jobs" >"$dir.build.log" 2>&1 || { tail -50 "$dir.build.log"; return 1; }
  ctest --test-dir "$dir" --output-on-failure -j "$jobs"
}

type_check() { # tsc prints only errors; say so when there is none
  node node_modules/typescript/bin/tsc -p tsconfig.json && echo "tsc: no type error in tests/wasm/ or web/"
}

mkdir -p build
layer "C++ unit tests" cpp_suite build/native
layer "C++ under ASan+UBSan" cpp_suite build/asan -DALAB_SANITIZE=ON
layer "WebAssembly module (Node)" node --test --test-reporter=spec tests/wasm/
layer "Page logic and source layers (Node)" node --test --test-reporter=spec tests/web/
layer "Types (tsc --checkJs)" type_check
layer "Page in Chromium" node --test --test-reporter=spec --test-concurrency=1 tests/e2e/
layer "Journeys in every engine" node --test --test-reporter=spec --test-concurrency=1 tests/engines/
layer "PyTorch conformance" node --test --test-reporter=spec tests/torch/

echo
if [ ${#failed[@]} -gt 0 ]; then
  echo "FAILED layers: ${failed[*]}"
  exit 1
fi
echo "All test layers passed."
