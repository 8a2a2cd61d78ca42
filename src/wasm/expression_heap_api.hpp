// Entry points for the WebAssembly binding layer over expression.hpp. A compiled program lives in a small
// table in the module and is named by a handle; the table keeps the most recent kMaxPrograms programs
// and drops the oldest beyond that, so a page that compiles on every keystroke never grows the heap.
// The JS wrapper keeps the text and compiles it again if its handle has been dropped.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "boundary.hpp"
#include "core/expression.hpp"

namespace alab::wasm {

inline constexpr std::size_t kMaxPrograms = 16;

// expr::to_json(compile(text)), with "handle":n added when it compiled.
std::string expr_compile(const std::string& text);
// {"maxLength":…,"maxDepth":…,"maxParams":…,"paramDefault":…,"paramMin":…,"paramMax":…,"functions":[…]}
std::string expr_info_json();
// Frees a program now; false when the handle names none (already dropped).
bool expr_release(int handle);
// The program a handle names, shared (the demos' networks keep it alive after the table drops it); null
// when the handle names none.
std::shared_ptr<const expr::Program> expr_program(int handle);
// Whether a handle names a program still in the table.
bool expr_alive(int handle);
// How many programs the table holds (for leak tests).
std::uint32_t expr_count();
// value[i] = f(xs[i]) and, when `derivative` is not 0, derivative[i] = f′(xs[i]); float64 arrays,
// `params` holding the program's parameters in order. Returns false (writing nothing) on a bad handle.
bool expr_evaluate(int handle, Address xs, Address value, Address derivative, std::uint32_t n, Address params);
// The summary table's properties of the program with `params` (expr::analyse) as JSON:
// {"ok":true,"range":{"lo","hi","loAttained","hiAttained"},"limits":{"negative","positive"},"monotonic",
//  "zeroCentred","smoothness","jumps":[…],"kinks":[…],"bends":[…],"saturation","identityNearZero",
//  "undefinedWhere":[[lo,hi],…],"closest":{"id","distance"}|null}, ±∞ as the strings "Infinity" and "-Infinity"
// and NaN as null (JSON has neither); {"ok":false} on a bad handle.
std::string expr_properties(int handle, Address params);

}  // namespace alab::wasm
