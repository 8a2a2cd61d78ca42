#include "heap_api.hpp"

#include "core/catalogue.hpp"
#include "core/neuron.hpp"

namespace alab::wasm {

std::string check(int fn_index, Address params) {
  if (!fn_index_valid(fn_index)) return "unknown function index";
  if (params == 0) return "missing parameters";
  return check_params(static_cast<Fn>(fn_index), at<const double>(params));
}

bool apply_f64(int fn_index, bool derivative, Address xs, Address out, std::uint32_t n, Address params) {
  if (!fn_and_params_valid(fn_index, params) || (n && (!xs || !out))) return false;
  const Kernels& k = info(static_cast<Fn>(fn_index)).kernels;
  (derivative ? k.derivative_f64 : k.value_f64)(at<const double>(xs), at<double>(out), n, at<const double>(params));
  return true;
}

bool apply_f32(int fn_index, bool derivative, Address xs, Address out, std::uint32_t n, Address params) {
  if (!fn_and_params_valid(fn_index, params) || (n && (!xs || !out))) return false;
  const Kernels& k = info(static_cast<Fn>(fn_index)).kernels;
  (derivative ? k.derivative_f32 : k.value_f32)(at<const float>(xs), at<float>(out), n, at<const double>(params));
  return true;
}

bool neuron(int fn_index, Address inputs, Address weights, std::uint32_t n, double bias, Address params,
            Address out) {
  if (!fn_and_params_valid(fn_index, params) || !out || (n && (!inputs || !weights))) return false;
  const NeuronResult r = alab::neuron({at<const double>(inputs), n}, {at<const double>(weights), n}, bias,
                                      static_cast<Fn>(fn_index), at<const double>(params));
  double* o = at<double>(out);
  o[0] = r.z, o[1] = r.output, o[2] = r.derivative;
  return true;
}

}  // namespace alab::wasm

#include "core/softmax.hpp"

namespace alab::wasm {

std::string softmax_check(std::uint32_t n, double temperature) { return check_softmax(n, n, temperature); }

bool softmax(Address xs, Address out, std::uint32_t n, double temperature) {
  if (n && (!xs || !out)) return false;
  return alab::softmax({at<const double>(xs), n}, {at<double>(out), n}, temperature);
}

}  // namespace alab::wasm

#include "core/torch_random.hpp"

namespace alab::wasm {

bool torch_randn(std::uint32_t seed_lo, std::uint32_t seed_hi, std::uint32_t n, Address out) {
  if (n > kMaxRandn || (n && !out)) return false;
  alab::torch::randn((std::uint64_t{seed_hi} << 32) | seed_lo, n, at<float>(out));
  return true;
}

}  // namespace alab::wasm
