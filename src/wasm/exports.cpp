// Plain C entry points, exported from the module as WebAssembly functions (-sEXPORTED_FUNCTIONS) rather
// than through embind: they are the per-array hot paths, where embind's generic invoker (no `new Function`
// under our CSP) would cost more than applying a cheap function to a thousand values.
#include <malloc.h>

#include <cstdint>

#include "heap_api.hpp"

extern "C" {

// 1 when the parameters at `params` are valid for catalogue row `fn`, else 0 (wasm::check says why).
int alab_params_ok(int fn, const double* params) {
  return alab::wasm::fn_and_params_valid(fn, reinterpret_cast<alab::wasm::Address>(params));
}

// out[i] = f(xs[i]) (or f'(xs[i]) when `derivative`), float64; 1 on success, 0 on bad arguments.
int alab_apply_f64(int fn, int derivative, const double* xs, double* out, std::uint32_t n, const double* params) {
  using alab::wasm::Address;
  return alab::wasm::apply_f64(fn, derivative != 0, reinterpret_cast<Address>(xs), reinterpret_cast<Address>(out), n,
                               reinterpret_cast<Address>(params));
}

// The same over float32 arrays.
int alab_apply_f32(int fn, int derivative, const float* xs, float* out, std::uint32_t n, const double* params) {
  using alab::wasm::Address;
  return alab::wasm::apply_f32(fn, derivative != 0, reinterpret_cast<Address>(xs), reinterpret_cast<Address>(out), n,
                               reinterpret_cast<Address>(params));
}

// Bytes currently allocated with malloc: what a leak check watches (the memory itself never shrinks).
std::size_t alab_heap_in_use() {
#if defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 33)
  return mallinfo2().uordblks;
#else
  return static_cast<std::size_t>(mallinfo().uordblks);
#endif
}

}  // extern "C"
