#!/usr/bin/env bash
# npm run fuzz [-- seconds]: builds the libFuzzer target (tests/fuzz/fuzz_api.cpp) with clang, the core
# instrumented too (ASan + UBSan + fuzzer coverage), and runs it for a bounded time (default 60 s).
# Not part of npm test. The corpus is kept in build/fuzz/corpus; crashes are written to build/fuzz/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
dir=build/fuzz
CXX=${CXX:-clang++} cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DALAB_FUZZ=ON -DALAB_SANITIZE=ON \
  -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link" >"$dir.configure.log" 2>&1 || { cat "$dir.configure.log"; exit 1; }
cmake --build "$dir" -j 2 --target alab_fuzz >"$dir.build.log" 2>&1 || { tail -40 "$dir.build.log"; exit 1; }
mkdir -p "$dir/corpus"
# tests/fuzz/regressions holds inputs that once crashed it: they seed every run.
"$dir/alab_fuzz" -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$dir/" "$dir/corpus" tests/fuzz/regressions
