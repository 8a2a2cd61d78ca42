// The catalogue: the one table of activation functions that everything else reads — the C++ kernels,
// the bindings, the page's menus and sliders, the URL state and every test suite.
// To add a function: add its id to `Fn` (before `count`), its maths to activations.*, one row to the
// table in catalogue.cpp, and its prose to web/i18n. The static_assert below catches a missing row.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace alab {

// Ids are PyTorch's functional names; their order is the catalogue's order.
enum class Fn : std::uint8_t {
  identity,
  relu,
  sigmoid,
  tanh,
  leaky_relu,
  elu,
  selu,
  celu,
  gelu,
  gelu_tanh,
  silu,
  mish,
  softplus,
  softsign,
  hardtanh,
  relu6,
  hardsigmoid,
  hardswish,
  prelu,
  tanhshrink,
  logsigmoid,
  rrelu,
  softshrink,
  hardshrink,
  threshold,
  count
};
inline constexpr std::size_t kFnCount = static_cast<std::size_t>(Fn::count);
inline constexpr std::size_t kMaxParams = 2;

using Scalar = double (*)(double x, const double* params);
using BatchF64 = void (*)(const double* xs, double* out, std::size_t n, const double* params);
using BatchF32 = void (*)(const float* xs, float* out, std::size_t n, const double* params);

struct Kernels {
  Scalar value, derivative;
  BatchF64 value_f64, derivative_f64;
  BatchF32 value_f32, derivative_f32;
};

// A parameter with PyTorch's name and default; [min, max] is both the slider range and the valid range.
struct Param {
  const char* name = nullptr;
  double def = 0, min = 0, max = 0, step = 0;
};

// Two parameters (indices into FnInfo::params) whose values must satisfy params[lower] < params[upper].
struct ParamOrder {
  int lower = -1, upper = -1;
};
inline constexpr std::size_t kMaxParamOrders = 1;

// Where another framework's default or definition differs from PyTorch's.
struct OtherDefault {
  const char* framework = nullptr;
  const char* api = nullptr;
  const char* differs = nullptr;  // e.g. "negative_slope=0.2"
};

// How smooth the curve is: with jumps (discontinuous), continuous with kinks (C⁰), slope continuous (C¹), or C∞.
enum class Smoothness : std::uint8_t { discontinuous, c0, c1, c_inf };
// Which side(s) the derivative goes to 0 on: where learning slows down.
enum class Saturation : std::uint8_t { none, negative, positive, both };

struct FnInfo {
  Fn fn;
  const char* id;             // PyTorch functional name, used in C++, URLs, data-fn and tests
  const char* name;           // display name, e.g. "LeakyReLU"
  const char* group;          // linear | relu | smooth | saturating | hard | shrink
  int article_order;          // 1..4 for the article's own four sections, 0 otherwise
  std::array<Param, kMaxParams> params;
  std::array<ParamOrder, kMaxParamOrders> ordered;  // pairs that must be in order; unused entries have lower < 0
  double lo, hi;              // default x range of the chart
  const char* tex;            // f(x), TeX
  const char* tex_derivative; // f'(x), TeX
  const char* output_range;   // TeX
  bool monotonic;
  bool zero_centred;
  Smoothness smoothness;
  Saturation saturation;
  bool identity_near_zero;    // f(0) = 0 and f'(0) = 1
  const char* use;            // key of its typical use, translated by the page
  const char* torch_module;
  const char* torch_functional;
  std::array<OtherDefault, 3> other_defaults;
  Kernels kernels;

  std::size_t param_count() const;
};

// All rows, in `Fn` order.
std::span<const FnInfo> catalogue();
const FnInfo& info(Fn fn);
std::optional<Fn> find_fn(std::string_view id);

// Fills `out` (kMaxParams long) with the defaults of `fn`.
void default_params(Fn fn, double* out);
// Whether `params` are valid for `fn`: each within its [min, max], and every pair the row orders in order.
bool params_valid(Fn fn, const double* params);
// Empty when `params` are valid for `fn`, else a message naming the parameter and its range.
std::string check_params(Fn fn, const double* params);

// The whole catalogue as JSON (for the JS wrapper, docs and the reference generator).
std::string catalogue_json();

const char* to_string(Smoothness s);
const char* to_string(Saturation s);

}  // namespace alab
