// The formula's per-array hot path as a plain C export (see exports.cpp for why not embind).
#include <cstdint>

#include "expression_heap_api.hpp"

extern "C" {

// value[i] = f(xs[i]) and, unless `derivative` is null, derivative[i] = f′(xs[i]); 1 on success, 0 when the
// handle names no program (dropped from the table: compile again) or an array is missing.
int alab_expr_evaluate(int handle, const double* xs, double* value, double* derivative, std::uint32_t n,
                       const double* params) {
  using alab::wasm::Address;
  return alab::wasm::expr_evaluate(handle, reinterpret_cast<Address>(xs), reinterpret_cast<Address>(value),
                                   reinterpret_cast<Address>(derivative), n, reinterpret_cast<Address>(params));
}

}  // extern "C"
