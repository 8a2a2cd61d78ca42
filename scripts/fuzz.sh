#!/usr/bin/env bash
# npm run fuzz [-- seconds [formula-seconds]]: builds the libFuzzer targets (tests/fuzz/fuzz_api.cpp, the C++ API, and
# tests/fuzz/fuzz_expression.cpp, the formula parser and evaluator) with clang, the core instrumented too
# (ASan + UBSan + fuzzer coverage), and runs each for a bounded time: `npm run fuzz -- 60 300` gives the API
# target 60 s and the formula target 300 s (default 60 s each).
# Not part of npm test. The corpus is kept in build/fuzz/corpus; crashes are written to build/fuzz/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
expression_seconds=${2:-$seconds}
dir=build/fuzz
mkdir -p build
CXX=${CXX:-clang++} cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DALAB_FUZZ=ON -DALAB_SANITIZE=ON \
  -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link" >"$dir.configure.log" 2>&1 || { cat "$dir.configure.log"; exit 1; }
cmake --build "$dir" -j 2 --target alab_fuzz alab_fuzz_expression >"$dir.build.log" 2>&1 || { tail -40 "$dir.build.log"; exit 1; }
mkdir -p "$dir/corpus" "$dir/corpus-expression"
# tests/fuzz/regressions holds inputs that once crashed the API target: they seed every run.
"$dir/alab_fuzz" -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$dir/" "$dir/corpus" tests/fuzz/regressions
# The formula target starts from the formulas in tests/fuzz/expressions (the issue's examples and its bad
# inputs) and the tokens of the language.
"$dir/alab_fuzz_expression" -max_total_time="$expression_seconds" -print_final_stats=1 -artifact_prefix="$dir/expression-" \
  -dict=tests/fuzz/expression.dict "$dir/corpus-expression" tests/fuzz/expressions
