// libFuzzer target over the public C++ API: catalogue lookups with arbitrary ids, the heap entry points
// with arbitrary function indices, parameters, inputs and lengths, the neuron and softmax. Besides the
// sanitizers' checks it traps on broken promises: a valid call that reports failure, an invalid one
// that succeeds, NaN from a non-NaN input, a softmax that is not a distribution.
#include <fuzzer/FuzzedDataProvider.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "core/catalogue.hpp"
#include "wasm/heap_api.hpp"
#include "core/softmax.hpp"

namespace {

using alab::wasm::Address;

Address address(const void* p) { return reinterpret_cast<Address>(p); }

void require(bool promise) {
  if (!promise) __builtin_trap();
}

void fuzz_catalogue(FuzzedDataProvider& in) {
  const std::string id = in.ConsumeRandomLengthString(24);
  if (const auto fn = alab::find_fn(id)) require(alab::info(*fn).id == id);
}

void fuzz_apply(FuzzedDataProvider& in) {
  const int fn_index = in.ConsumeIntegralInRange<int>(-3, static_cast<int>(alab::kFnCount) + 3);
  // Each parameter is its default, an end of its range (where kernels meet 0·∞ and the like) or anything.
  double params[alab::kMaxParams] = {};
  const bool known = fn_index >= 0 && fn_index < static_cast<int>(alab::kFnCount);
  if (known) alab::default_params(static_cast<alab::Fn>(fn_index), params);
  for (std::size_t i = 0; i < alab::kMaxParams; ++i) {
    const alab::Param* range = known ? &alab::info(static_cast<alab::Fn>(fn_index)).params[i] : nullptr;
    switch (in.ConsumeIntegralInRange(0, 3)) {
      case 0: break;
      case 1: if (range) params[i] = range->min; break;
      case 2: if (range) params[i] = range->max; break;
      default: params[i] = in.ConsumeFloatingPoint<double>(); break;
    }
  }
  const bool derivative = in.ConsumeBool();
  const std::size_t n = in.ConsumeIntegralInRange<std::size_t>(0, 64);
  std::vector<double> xs(n), out(n);
  std::vector<float> xs32(n), out32(n);
  for (std::size_t i = 0; i < n; ++i) {
    xs[i] = in.ConsumeFloatingPoint<double>();
    xs32[i] = static_cast<float>(xs[i]);
  }
  const bool valid = alab::wasm::check(fn_index, address(params)).empty();
  const bool ok64 = alab::wasm::apply_f64(fn_index, derivative, address(xs.data()), address(out.data()),
                                          static_cast<std::uint32_t>(n), address(params));
  const bool ok32 = alab::wasm::apply_f32(fn_index, derivative, address(xs32.data()), address(out32.data()),
                                          static_cast<std::uint32_t>(n), address(params));
  require(ok64 == valid && ok32 == valid);
  if (!valid) return;
  for (std::size_t i = 0; i < n; ++i) {
    require(std::isnan(out[i]) == std::isnan(xs[i]));
    require(std::isnan(out32[i]) == std::isnan(xs32[i]));
  }
  double neuron_out[3];
  const double weight = in.ConsumeFloatingPoint<double>();
  std::vector<double> weights(n, weight);
  require(alab::wasm::neuron(fn_index, address(xs.data()), address(weights.data()), static_cast<std::uint32_t>(n),
                             in.ConsumeFloatingPoint<double>(), address(params), address(neuron_out)));
  require(!alab::wasm::neuron(fn_index, address(xs.data()), address(weights.data()), 1, 0, address(params), 0));
}

void fuzz_softmax(FuzzedDataProvider& in) {
  const double temperature = in.ConsumeBool() ? in.ConsumeFloatingPoint<double>() : in.ConsumeFloatingPointInRange(1e-6, 1e6);
  const std::size_t n = in.ConsumeIntegralInRange<std::size_t>(0, 128);
  std::vector<double> xs(n), out(n);
  bool finite = true;
  for (double& x : xs) {
    x = in.ConsumeFloatingPoint<double>();
    finite &= std::isfinite(x);
  }
  const bool valid = alab::check_softmax(n, n, temperature).empty();
  require(alab::wasm::softmax(address(xs.data()), address(out.data()), static_cast<std::uint32_t>(n), temperature) == valid);
  if (!valid || !finite || n == 0) return;
  double sum = 0;
  for (const double p : out) {
    require(p >= 0 && p <= 1);
    sum += p;
  }
  require(std::fabs(sum - 1) <= 1e-12 * static_cast<double>(n + 1));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  switch (in.ConsumeIntegralInRange(0, 2)) {
    case 0: fuzz_catalogue(in); break;
    case 1: fuzz_apply(in); break;
    default: fuzz_softmax(in); break;
  }
  return 0;
}
