#include "catalogue.hpp"

#include <cmath>
#include <cstdio>

#include "activations.hpp"
#include "batch.hpp"
#include "core/kernels/fast_f32.hpp"
#include "core/kernels/fast_f64.hpp"

namespace alab {
namespace {

// A row's kernels: scalar value and derivative, their float64 batch loops, and float32 through those.
#define ALAB_KERNELS(f)                                                              \
  Kernels {                                                                          \
    &act::f, &act::f##_d, &batch_f64<&act::f>, &batch_f64<&act::f##_d>,              \
        &batch_f32<&batch_f64<&act::f>>, &batch_f32<&batch_f64<&act::f##_d>>         \
  }

// The same, with the float32 value kernel replaced by a vectorised one from fast_f32.hpp.
#define ALAB_KERNELS_FAST_F32(f)                                                     \
  Kernels {                                                                          \
    &act::f, &act::f##_d, &batch_f64<&act::f>, &batch_f64<&act::f##_d>, &fast::f##_f32, \
        &batch_f32<&batch_f64<&act::f##_d>>                                          \
  }

// The float64 value kernel vectorised (fast_f64.hpp); float32 goes through it, rounded once.
#define ALAB_KERNELS_FAST_F64(f)                                                     \
  Kernels {                                                                          \
    &act::f, &act::f##_d, &fast::f##_f64, &batch_f64<&act::f##_d>,                   \
        &batch_f32<&fast::f##_f64>, &batch_f32<&batch_f64<&act::f##_d>>              \
  }

// Both value batch kernels vectorised: float32 from fast_f32.hpp, float64 from fast_f64.hpp.
#define ALAB_KERNELS_FAST_F32_F64(f)                                                 \
  Kernels {                                                                          \
    &act::f, &act::f##_d, &fast::f##_f64, &batch_f64<&act::f##_d>, &fast::f##_f32,   \
        &batch_f32<&batch_f64<&act::f##_d>>                                          \
  }

using S = Smoothness;
using Sat = Saturation;

// clang-format off
constexpr FnInfo kTable[] = {
  {.fn = Fn::identity, .id = "identity", .name = "Identity", .group = "linear", .article_order = 0,
   .params = {}, .lo = -5, .hi = 5,
   .tex = "f(x) = x", .tex_derivative = "f'(x) = 1", .output_range = "({-\\infty}, \\infty)",
   .monotonic = true, .zero_centred = true, .smoothness = S::c_inf, .saturation = Sat::none,
   .identity_near_zero = true, .use = "regression_output",
   .torch_module = "torch.nn.Identity", .torch_functional = "",
   .other_defaults = {}, .kernels = ALAB_KERNELS_FAST_F32(identity)},

  {.fn = Fn::relu, .id = "relu", .name = "ReLU", .group = "relu", .article_order = 1,
   .params = {}, .lo = -5, .hi = 5,
   .tex = "f(x) = \\max(0, x)",
   .tex_derivative = "f'(x) = \\begin{cases} 1 & x > 0 \\\\ 0 & x \\le 0 \\end{cases}",
   .output_range = "[0, \\infty)",
   .monotonic = true, .zero_centred = false, .smoothness = S::c0, .saturation = Sat::negative,
   .identity_near_zero = false, .use = "hidden_default",
   .torch_module = "torch.nn.ReLU", .torch_functional = "torch.nn.functional.relu",
   .other_defaults = {}, .kernels = ALAB_KERNELS_FAST_F32(relu)},

  {.fn = Fn::sigmoid, .id = "sigmoid", .name = "Sigmoid", .group = "saturating", .article_order = 2,
   .params = {}, .lo = -5, .hi = 5,
   .tex = "\\sigma(x) = \\frac{1}{1 + e^{-x}}",
   .tex_derivative = "\\sigma'(x) = \\sigma(x)\\,\\bigl(1 - \\sigma(x)\\bigr)",
   .output_range = "(0, 1)",
   .monotonic = true, .zero_centred = false, .smoothness = S::c_inf, .saturation = Sat::both,
   .identity_near_zero = false, .use = "binary_output",
   .torch_module = "torch.nn.Sigmoid", .torch_functional = "torch.sigmoid",
   .other_defaults = {}, .kernels = ALAB_KERNELS_FAST_F32_F64(sigmoid)},

  {.fn = Fn::tanh, .id = "tanh", .name = "Tanh", .group = "saturating", .article_order = 3,
   .params = {}, .lo = -6, .hi = 6,
   .tex = "\\tanh(x) = \\frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}",
   .tex_derivative = "\\tanh'(x) = 1 - \\tanh^2(x)",
   .output_range = "(-1, 1)",
   .monotonic = true, .zero_centred = true, .smoothness = S::c_inf, .saturation = Sat::both,
   .identity_near_zero = true, .use = "zero_centred_output",
   .torch_module = "torch.nn.Tanh", .torch_functional = "torch.tanh",
   .other_defaults = {}, .kernels = ALAB_KERNELS_FAST_F32_F64(tanh)},

  {.fn = Fn::leaky_relu, .id = "leaky_relu", .name = "LeakyReLU", .group = "relu", .article_order = 4,
   .params = {{{.name = "negative_slope", .def = 0.01, .min = 0, .max = 1, .step = 0.01}}},
   .lo = -6, .hi = 6,
   .tex = "f(x) = \\begin{cases} x & x > 0 \\\\ \\text{negative\\_slope} \\cdot x & x \\le 0 \\end{cases}",
   .tex_derivative = "f'(x) = \\begin{cases} 1 & x > 0 \\\\ \\text{negative\\_slope} & x \\le 0 \\end{cases}",
   .output_range = "({-\\infty}, \\infty)",
   .monotonic = true, .zero_centred = false, .smoothness = S::c0, .saturation = Sat::none,
   .identity_near_zero = false, .use = "hidden_no_dead_units",
   .torch_module = "torch.nn.LeakyReLU", .torch_functional = "torch.nn.functional.leaky_relu",
   .other_defaults = {{{.framework = "Keras", .api = "keras.activations.leaky_relu", .differs = "negative_slope=0.2"},
                       {.framework = "Keras", .api = "keras.layers.LeakyReLU", .differs = "negative_slope=0.3"},
                       {.framework = "TensorFlow", .api = "tf.nn.leaky_relu", .differs = "alpha=0.2"}}},
   .kernels = ALAB_KERNELS_FAST_F32(leaky_relu)},

  {.fn = Fn::elu, .id = "elu", .name = "ELU", .group = "relu", .article_order = 0,
   .params = {{{.name = "alpha", .def = 1.0, .min = 0, .max = 3, .step = 0.05}}},
   .lo = -5, .hi = 5,
   .tex = "f(x) = \\begin{cases} x & x > 0 \\\\ \\alpha\\,(e^{x} - 1) & x \\le 0 \\end{cases}",
   .tex_derivative = "f'(x) = \\begin{cases} 1 & x > 0 \\\\ \\alpha\\, e^{x} & x \\le 0 \\end{cases}",
   .output_range = "(-\\alpha, \\infty)",
   .monotonic = true, .zero_centred = false, .smoothness = S::c1, .saturation = Sat::negative,
   .identity_near_zero = true, .use = "hidden_smooth_negative",
   .torch_module = "torch.nn.ELU", .torch_functional = "torch.nn.functional.elu",
   .other_defaults = {}, .kernels = ALAB_KERNELS_FAST_F32_F64(elu)},

  {.fn = Fn::selu, .id = "selu", .name = "SELU", .group = "relu", .article_order = 0,
   .params = {}, .lo = -5, .hi = 5,
   .tex = "f(x) = \\lambda \\begin{cases} x & x > 0 \\\\ \\alpha\\,(e^{x} - 1) & x \\le 0 \\end{cases},"
          "\\quad \\lambda \\approx 1.0507,\\ \\alpha \\approx 1.6733",
   .tex_derivative = "f'(x) = \\lambda \\begin{cases} 1 & x > 0 \\\\ \\alpha\\, e^{x} & x \\le 0 \\end{cases}",
   .output_range = "(-\\lambda\\alpha, \\infty)",
   .monotonic = true, .zero_centred = true, .smoothness = S::c0, .saturation = Sat::negative,
   .identity_near_zero = false, .use = "self_normalising",
   .torch_module = "torch.nn.SELU", .torch_functional = "torch.nn.functional.selu",
   .other_defaults = {}, .kernels = ALAB_KERNELS_FAST_F64(selu)},

  {.fn = Fn::celu, .id = "celu", .name = "CELU", .group = "relu", .article_order = 0,
   .params = {{{.name = "alpha", .def = 1.0, .min = 0.1, .max = 3, .step = 0.05}}},
   .lo = -5, .hi = 5,
   .tex = "f(x) = \\max(0, x) + \\min\\bigl(0,\\ \\alpha\\,(e^{x/\\alpha} - 1)\\bigr)",
   .tex_derivative = "f'(x) = \\begin{cases} 1 & x > 0 \\\\ e^{x/\\alpha} & x \\le 0 \\end{cases}",
   .output_range = "(-\\alpha, \\infty)",
   .monotonic = true, .zero_centred = false, .smoothness = S::c1, .saturation = Sat::negative,
   .identity_near_zero = true, .use = "hidden_smooth_negative",
   .torch_module = "torch.nn.CELU", .torch_functional = "torch.nn.functional.celu",
   .other_defaults = {}, .kernels = ALAB_KERNELS_FAST_F64(celu)},

  {.fn = Fn::gelu, .id = "gelu", .name = "GELU", .group = "smooth", .article_order = 0,
   .params = {}, .lo = -5, .hi = 5,
   .tex = "f(x) = x\\,\\Phi(x) = \\frac{x}{2}\\left(1 + \\operatorname{erf}\\frac{x}{\\sqrt{2}}\\right)",
   .tex_derivative = "f'(x) = \\Phi(x) + x\\,\\varphi(x), \\quad \\varphi(x) = \\frac{e^{-x^2/2}}{\\sqrt{2\\pi}}",
   .output_range = "[\\approx -0.170, \\infty)",
   .monotonic = false, .zero_centred = false, .smoothness = S::c_inf, .saturation = Sat::negative,
   .identity_near_zero = false, .use = "transformers",
   .torch_module = "torch.nn.GELU", .torch_functional = "torch.nn.functional.gelu",
   .other_defaults = {{{.framework = "JAX", .api = "jax.nn.gelu", .differs = "approximate=True"}}},
   .kernels = ALAB_KERNELS_FAST_F32_F64(gelu)},

  {.fn = Fn::gelu_tanh, .id = "gelu_tanh", .name = "GELU (tanh)", .group = "smooth", .article_order = 0,
   .params = {}, .lo = -5, .hi = 5,
   .tex = "f(x) = \\frac{x}{2}\\left(1 + \\tanh\\left(\\sqrt{2/\\pi}\\,(x + 0.044715\\,x^{3})\\right)\\right)",
   .tex_derivative = "f'(x) = \\tfrac{1}{2}(1 + \\tanh u) + \\tfrac{x}{2}\\,(1 - \\tanh^2 u)\\,u',"
                     "\\quad u = \\sqrt{2/\\pi}\\,(x + 0.044715\\,x^{3}),"
                     "\\quad u' = \\sqrt{2/\\pi}\\,(1 + 0.134145\\,x^{2})",
   .output_range = "[\\approx -0.170, \\infty)",
   .monotonic = false, .zero_centred = false, .smoothness = S::c_inf, .saturation = Sat::negative,
   .identity_near_zero = false, .use = "transformers",
   .torch_module = "torch.nn.GELU(approximate='tanh')",
   .torch_functional = "torch.nn.functional.gelu(x, approximate='tanh')",
   .other_defaults = {}, .kernels = ALAB_KERNELS_FAST_F32_F64(gelu_tanh)},

  {.fn = Fn::silu, .id = "silu", .name = "SiLU (Swish)", .group = "smooth", .article_order = 0,
   .params = {}, .lo = -5, .hi = 5,
   .tex = "f(x) = x\\,\\sigma(x) = \\frac{x}{1 + e^{-x}}",
   .tex_derivative = "f'(x) = \\sigma(x)\\,\\bigl(1 + x\\,(1 - \\sigma(x))\\bigr)",
   .output_range = "[\\approx -0.278, \\infty)",
   .monotonic = false, .zero_centred = false, .smoothness = S::c_inf, .saturation = Sat::negative,
   .identity_near_zero = false, .use = "vision_and_transformers",
   .torch_module = "torch.nn.SiLU", .torch_functional = "torch.nn.functional.silu",
   .other_defaults = {{{.framework = "Keras", .api = "keras.activations.swish", .differs = "same function, named swish"}}},
   .kernels = ALAB_KERNELS_FAST_F32_F64(silu)},

  {.fn = Fn::mish, .id = "mish", .name = "Mish", .group = "smooth", .article_order = 0,
   .params = {}, .lo = -5, .hi = 5,
   .tex = "f(x) = x \\tanh\\bigl(\\ln(1 + e^{x})\\bigr)",
   .tex_derivative = "f'(x) = \\tanh(s) + x\\,\\bigl(1 - \\tanh^2 s\\bigr)\\,\\sigma(x), \\quad s = \\ln(1 + e^{x})",
   .output_range = "[\\approx -0.309, \\infty)",
   .monotonic = false, .zero_centred = false, .smoothness = S::c_inf, .saturation = Sat::negative,
   .identity_near_zero = false, .use = "vision",
   .torch_module = "torch.nn.Mish", .torch_functional = "torch.nn.functional.mish",
   .other_defaults = {}, .kernels = ALAB_KERNELS(mish)},

  {.fn = Fn::softplus, .id = "softplus", .name = "Softplus", .group = "smooth", .article_order = 0,
   .params = {{{.name = "beta", .def = 1.0, .min = 0.1, .max = 10, .step = 0.1},
               {.name = "threshold", .def = 20.0, .min = 1, .max = 50, .step = 1}}},
   .lo = -5, .hi = 5,
   .tex = "f(x) = \\begin{cases} \\frac{1}{\\beta} \\ln\\bigl(1 + e^{\\beta x}\\bigr) & \\beta x \\le \\text{threshold}"
          " \\\\ x & \\beta x > \\text{threshold} \\end{cases}",
   .tex_derivative = "f'(x) = \\begin{cases} \\sigma(\\beta x) & \\beta x \\le \\text{threshold} \\\\ 1 & \\beta x > \\text{threshold} \\end{cases}",
   .output_range = "(0, \\infty)",
   .monotonic = true, .zero_centred = false, .smoothness = S::c_inf, .saturation = Sat::negative,
   .identity_near_zero = false, .use = "positive_output",
   .torch_module = "torch.nn.Softplus", .torch_functional = "torch.nn.functional.softplus",
   .other_defaults = {{{.framework = "Keras", .api = "keras.activations.softplus", .differs = "no beta, no threshold"}}},
   .kernels = ALAB_KERNELS_FAST_F64(softplus)},

  {.fn = Fn::softsign, .id = "softsign", .name = "Softsign", .group = "saturating", .article_order = 0,
   .params = {}, .lo = -10, .hi = 10,
   .tex = "f(x) = \\frac{x}{1 + |x|}", .tex_derivative = "f'(x) = \\frac{1}{(1 + |x|)^{2}}",
   .output_range = "(-1, 1)",
   .monotonic = true, .zero_centred = true, .smoothness = S::c1, .saturation = Sat::both,
   .identity_near_zero = true, .use = "rare",
   .torch_module = "torch.nn.Softsign", .torch_functional = "torch.nn.functional.softsign",
   .other_defaults = {}, .kernels = ALAB_KERNELS_FAST_F32(softsign)},

  {.fn = Fn::hardtanh, .id = "hardtanh", .name = "Hardtanh", .group = "hard", .article_order = 0,
   .params = {{{.name = "min_val", .def = -1.0, .min = -5, .max = 5, .step = 0.1},
               {.name = "max_val", .def = 1.0, .min = -5, .max = 5, .step = 0.1}}},
   .ordered = {{{.lower = 0, .upper = 1}}},
   .lo = -3, .hi = 3,
   .tex = "f(x) = \\begin{cases} \\text{min\\_val} & x < \\text{min\\_val} \\\\ x & \\text{otherwise} \\\\"
          " \\text{max\\_val} & x > \\text{max\\_val} \\end{cases}",
   .tex_derivative = "f'(x) = \\begin{cases} 1 & \\text{min\\_val} < x < \\text{max\\_val} \\\\ 0 & \\text{otherwise} \\end{cases}",
   .output_range = "[\\text{min\\_val}, \\text{max\\_val}]",
   .monotonic = true, .zero_centred = true, .smoothness = S::c0, .saturation = Sat::both,
   .identity_near_zero = true, .use = "bounded_output",
   .torch_module = "torch.nn.Hardtanh", .torch_functional = "torch.nn.functional.hardtanh",
   .other_defaults = {},
   // The float32 derivative has its own kernel: it compares with the bounds rounded to float32.
   .kernels = Kernels{&act::hardtanh, &act::hardtanh_d, &batch_f64<&act::hardtanh>, &batch_f64<&act::hardtanh_d>,
                      &fast::hardtanh_f32, &fast::hardtanh_d_f32}},

  {.fn = Fn::relu6, .id = "relu6", .name = "ReLU6", .group = "hard", .article_order = 0,
   .params = {}, .lo = -3, .hi = 9,
   .tex = "f(x) = \\min\\bigl(\\max(0, x),\\ 6\\bigr)",
   .tex_derivative = "f'(x) = \\begin{cases} 1 & 0 < x < 6 \\\\ 0 & \\text{otherwise} \\end{cases}",
   .output_range = "[0, 6]",
   .monotonic = true, .zero_centred = false, .smoothness = S::c0, .saturation = Sat::both,
   .identity_near_zero = false, .use = "mobile",
   .torch_module = "torch.nn.ReLU6", .torch_functional = "torch.nn.functional.relu6",
   .other_defaults = {}, .kernels = ALAB_KERNELS_FAST_F32(relu6)},

  {.fn = Fn::hardsigmoid, .id = "hardsigmoid", .name = "Hardsigmoid", .group = "hard", .article_order = 0,
   .params = {}, .lo = -5, .hi = 5,
   .tex = "f(x) = \\begin{cases} 0 & x \\le -3 \\\\ 1 & x \\ge 3 \\\\ x/6 + 1/2 & \\text{otherwise} \\end{cases}",
   .tex_derivative = "f'(x) = \\begin{cases} 1/6 & -3 < x < 3 \\\\ 0 & \\text{otherwise} \\end{cases}",
   .output_range = "[0, 1]",
   .monotonic = true, .zero_centred = false, .smoothness = S::c0, .saturation = Sat::both,
   .identity_near_zero = false, .use = "mobile",
   .torch_module = "torch.nn.Hardsigmoid", .torch_functional = "torch.nn.functional.hardsigmoid",
   .other_defaults = {{{.framework = "Keras 2", .api = "keras.activations.hard_sigmoid", .differs = "clip(0.2x + 0.5, 0, 1)"}}},
   .kernels = ALAB_KERNELS_FAST_F32(hardsigmoid)},

  {.fn = Fn::hardswish, .id = "hardswish", .name = "Hardswish", .group = "hard", .article_order = 0,
   .params = {}, .lo = -5, .hi = 5,
   .tex = "f(x) = x \\cdot \\frac{\\min\\bigl(\\max(x + 3, 0),\\ 6\\bigr)}{6}",
   .tex_derivative = "f'(x) = \\begin{cases} 0 & x < -3 \\\\ x/3 + 1/2 & -3 \\le x \\le 3 \\\\ 1 & x > 3 \\end{cases}",
   .output_range = "[-0.375, \\infty)",
   .monotonic = false, .zero_centred = false, .smoothness = S::c0, .saturation = Sat::negative,
   .identity_near_zero = false, .use = "mobile",
   .torch_module = "torch.nn.Hardswish", .torch_functional = "torch.nn.functional.hardswish",
   .other_defaults = {}, .kernels = ALAB_KERNELS_FAST_F32(hardswish)},

  {.fn = Fn::prelu, .id = "prelu", .name = "PReLU", .group = "relu", .article_order = 0,
   .params = {{{.name = "weight", .def = 0.25, .min = 0, .max = 1, .step = 0.01}}},
   .lo = -5, .hi = 5,
   .tex = "f(x) = \\begin{cases} x & x > 0 \\\\ a \\cdot x & x \\le 0 \\end{cases}, \\quad a = \\text{weight}\\ \\text{(learned)}",
   .tex_derivative = "f'(x) = \\begin{cases} 1 & x > 0 \\\\ a & x \\le 0 \\end{cases}",
   .output_range = "({-\\infty}, \\infty)",
   .monotonic = true, .zero_centred = false, .smoothness = S::c0, .saturation = Sat::none,
   .identity_near_zero = false, .use = "hidden_learned_slope",
   .torch_module = "torch.nn.PReLU", .torch_functional = "torch.nn.functional.prelu",
   .other_defaults = {{{.framework = "Keras", .api = "keras.layers.PReLU", .differs = "initial slope 0 (zeros)"}}},
   .kernels = ALAB_KERNELS_FAST_F32(prelu)},

  {.fn = Fn::tanhshrink, .id = "tanhshrink", .name = "Tanhshrink", .group = "shrink", .article_order = 0,
   .params = {}, .lo = -4, .hi = 4,
   .tex = "f(x) = x - \\tanh(x)", .tex_derivative = "f'(x) = \\tanh^2(x)",
   .output_range = "({-\\infty}, \\infty)",
   .monotonic = true, .zero_centred = true, .smoothness = S::c_inf, .saturation = Sat::none,
   .identity_near_zero = false, .use = "rare",
   .torch_module = "torch.nn.Tanhshrink", .torch_functional = "torch.nn.functional.tanhshrink",
   .other_defaults = {}, .kernels = ALAB_KERNELS_FAST_F64(tanhshrink)},

  {.fn = Fn::logsigmoid, .id = "logsigmoid", .name = "LogSigmoid", .group = "saturating", .article_order = 0,
   .params = {}, .lo = -6, .hi = 6,
   .tex = "f(x) = \\ln \\sigma(x) = -\\ln\\bigl(1 + e^{-x}\\bigr)",
   .tex_derivative = "f'(x) = 1 - \\sigma(x) = \\sigma(-x)",
   .output_range = "({-\\infty}, 0)",
   .monotonic = true, .zero_centred = false, .smoothness = S::c_inf, .saturation = Sat::positive,
   .identity_near_zero = false, .use = "log_probabilities",
   .torch_module = "torch.nn.LogSigmoid", .torch_functional = "torch.nn.functional.logsigmoid",
   .other_defaults = {}, .kernels = ALAB_KERNELS(logsigmoid)},

  {.fn = Fn::rrelu, .id = "rrelu", .name = "RReLU", .group = "relu", .article_order = 0,
   .params = {{{.name = "lower", .def = 0.125, .min = 0, .max = 1, .step = 1.0 / 24},
               {.name = "upper", .def = 1.0 / 3.0, .min = 0, .max = 1, .step = 1.0 / 24}}},
   .ordered = {{{.lower = 0, .upper = 1}}},
   .lo = -5, .hi = 5,
   .tex = "f(x) = \\begin{cases} x & x > 0 \\\\ \\tfrac{\\text{lower} + \\text{upper}}{2}\\, x & x \\le 0 \\end{cases}",
   .tex_derivative = "f'(x) = \\begin{cases} 1 & x > 0 \\\\ \\tfrac{\\text{lower} + \\text{upper}}{2} & x \\le 0 \\end{cases}",
   .output_range = "({-\\infty}, \\infty)",
   .monotonic = true, .zero_centred = false, .smoothness = S::c0, .saturation = Sat::none,
   .identity_near_zero = false, .use = "random_slope",
   .torch_module = "torch.nn.RReLU", .torch_functional = "torch.nn.functional.rrelu",
   .other_defaults = {}, .kernels = ALAB_KERNELS(rrelu)},

  {.fn = Fn::softshrink, .id = "softshrink", .name = "Softshrink", .group = "shrink", .article_order = 0,
   .params = {{{.name = "lambd", .def = 0.5, .min = 0, .max = 3, .step = 0.05}}},
   .lo = -3, .hi = 3,
   .tex = "f(x) = \\begin{cases} x - \\lambda & x > \\lambda \\\\ x + \\lambda & x < -\\lambda \\\\ 0 & \\text{otherwise} \\end{cases}",
   .tex_derivative = "f'(x) = \\begin{cases} 1 & |x| > \\lambda \\\\ 0 & \\text{otherwise} \\end{cases}",
   .output_range = "({-\\infty}, \\infty)",
   .monotonic = true, .zero_centred = true, .smoothness = S::c0, .saturation = Sat::none,
   .identity_near_zero = false, .use = "sparse_coding",
   .torch_module = "torch.nn.Softshrink", .torch_functional = "torch.nn.functional.softshrink",
   .other_defaults = {}, .kernels = ALAB_KERNELS(softshrink)},

  {.fn = Fn::hardshrink, .id = "hardshrink", .name = "Hardshrink", .group = "shrink", .article_order = 0,
   .params = {{{.name = "lambd", .def = 0.5, .min = 0, .max = 3, .step = 0.05}}},
   .lo = -3, .hi = 3,
   .tex = "f(x) = \\begin{cases} x & |x| > \\lambda \\\\ 0 & \\text{otherwise} \\end{cases}",
   .tex_derivative = "f'(x) = \\begin{cases} 1 & |x| > \\lambda \\\\ 0 & \\text{otherwise} \\end{cases}",
   .output_range = "\\{0\\} \\cup \\{y : |y| > \\lambda\\}",
   .monotonic = true, .zero_centred = true, .smoothness = S::discontinuous, .saturation = Sat::none,
   .identity_near_zero = false, .use = "sparse_coding",
   .torch_module = "torch.nn.Hardshrink", .torch_functional = "torch.nn.functional.hardshrink",
   .other_defaults = {}, .kernels = ALAB_KERNELS(hardshrink)},

  {.fn = Fn::threshold, .id = "threshold", .name = "Threshold", .group = "shrink", .article_order = 0,
   .params = {{{.name = "threshold", .def = 1.0, .min = -5, .max = 5, .step = 0.1},
               {.name = "value", .def = 0.0, .min = -5, .max = 5, .step = 0.1}}},
   .lo = -5, .hi = 5,
   .tex = "f(x) = \\begin{cases} x & x > \\theta \\\\ v & \\text{otherwise} \\end{cases},\\quad \\theta = \\text{threshold},\\quad v = \\text{value}",
   .tex_derivative = "f'(x) = \\begin{cases} 1 & x > \\theta \\\\ 0 & \\text{otherwise} \\end{cases}",
   .output_range = "\\{v\\} \\cup (\\theta, \\infty)",
   .monotonic = true, .zero_centred = false, .smoothness = S::discontinuous, .saturation = Sat::negative,
   .identity_near_zero = false, .use = "rare",
   .torch_module = "torch.nn.Threshold", .torch_functional = "torch.nn.functional.threshold",
   .other_defaults = {}, .kernels = ALAB_KERNELS(threshold)},
};
// clang-format on
#undef ALAB_KERNELS
#undef ALAB_KERNELS_FAST_F32
#undef ALAB_KERNELS_FAST_F32_F64
#undef ALAB_KERNELS_FAST_F64

static_assert(std::size(kTable) == kFnCount, "every Fn needs exactly one catalogue row");

constexpr bool rows_in_enum_order() {
  for (std::size_t i = 0; i < kFnCount; ++i)
    if (static_cast<std::size_t>(kTable[i].fn) != i) return false;
  return true;
}
static_assert(rows_in_enum_order(), "catalogue rows must follow the order of Fn");

}  // namespace

std::size_t FnInfo::param_count() const {
  std::size_t n = 0;
  while (n < kMaxParams && params[n].name) ++n;
  return n;
}

std::span<const FnInfo> catalogue() { return kTable; }

const FnInfo& info(Fn fn) { return kTable[static_cast<std::size_t>(fn)]; }

std::optional<Fn> find_fn(std::string_view id) {
  for (const FnInfo& row : kTable)
    if (id == row.id) return row.fn;
  return std::nullopt;
}

void default_params(Fn fn, double* out) {
  const FnInfo& row = info(fn);
  for (std::size_t i = 0; i < kMaxParams; ++i) out[i] = row.params[i].name ? row.params[i].def : 0.0;
}

bool params_valid(Fn fn, const double* params) {
  const FnInfo& row = info(fn);
  for (std::size_t i = 0; i < row.param_count(); ++i)
    if (!(params[i] >= row.params[i].min && params[i] <= row.params[i].max)) return false;
  for (const ParamOrder& order : row.ordered)
    if (order.lower >= 0 && !(params[order.lower] < params[order.upper])) return false;
  return true;
}

std::string check_params(Fn fn, const double* params) {
  if (params_valid(fn, params)) return {};
  const FnInfo& row = info(fn);
  for (std::size_t i = 0; i < row.param_count(); ++i) {
    const Param& p = row.params[i];
    const double v = params[i];
    if (!(v >= p.min && v <= p.max)) {
      char buf[200];
      std::snprintf(buf, sizeof buf, "%s: parameter %s must be a number in [%g, %g], got %g", row.id, p.name,
                    p.min, p.max, v);
      return buf;
    }
  }
  for (const ParamOrder& order : row.ordered) {
    if (order.lower < 0 || params[order.lower] < params[order.upper]) continue;
    char buf[200];
    std::snprintf(buf, sizeof buf, "%s: %s (%g) must be greater than %s (%g)", row.id, row.params[order.upper].name,
                  params[order.upper], row.params[order.lower].name, params[order.lower]);
    return buf;
  }
  return {};
}

const char* to_string(Smoothness s) {
  switch (s) {
    case Smoothness::discontinuous: return "discontinuous";
    case Smoothness::c0: return "C0";
    case Smoothness::c1: return "C1";
    case Smoothness::c_inf: return "Cinf";
  }
  return "";
}

const char* to_string(Saturation s) {
  switch (s) {
    case Saturation::none: return "none";
    case Saturation::negative: return "negative";
    case Saturation::positive: return "positive";
    case Saturation::both: return "both";
  }
  return "";
}

}  // namespace alab
