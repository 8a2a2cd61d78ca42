// The reader's own formula as a layer's activation: in the training network and in the depth experiment it
// behaves as the catalogue row it writes out (the formula's exact derivative drives backpropagation), and a
// formula that cannot be evaluated is refused with a reason.
#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "core/expression.hpp"
#include "core/layer_activation.hpp"
#include "demos/datasets.hpp"
#include "demos/depth_gradients.hpp"
#include "demos/network/network.hpp"

namespace alab {
namespace {

std::shared_ptr<const expr::Program> program(const char* text) {
  expr::Compiled compiled = expr::compile(text);
  auto* p = std::get_if<std::shared_ptr<expr::Program>>(&compiled);
  EXPECT_NE(p, nullptr) << text;
  return p ? *p : nullptr;
}

LayerActivation formula(const char* text, std::initializer_list<double> values = {}) {
  LayerActivation a;
  a.formula = program(text);
  std::size_t k = 0;
  for (double v : values) a.formula_params[k++] = v;
  return a;
}

LayerActivation row(Fn fn) {
  LayerActivation a;
  a.fn = fn;
  default_params(fn, a.params);
  return a;
}

struct Data {
  std::vector<double> xs, ys;
  std::size_t n() const { return ys.size(); }
};

Data make(Dataset d, std::uint32_t n) {
  Data data{std::vector<double>(2 * n), std::vector<double>(n)};
  make_dataset(d, n, 0.1, 4, data.xs.data(), data.ys.data());
  return data;
}

// Formulas with a parameter, a branch and a composition, between catalogue layers, against central
// differences per weight layer.
TEST(FormulaLayers, GradientMatchesCentralDifferencesInEveryLayer) {
  NetworkSpec spec;
  spec.layers = {2, 4, 5, 3, 4, 1};
  spec.activations = {formula("x * tanh(softplus(x))"), row(Fn::tanh), formula("x > 0 ? x : a * expm1(x)", {0.7}),
                      formula("x * sigmoid(beta * x)", {1.7})};
  spec.seed = 3;
  ASSERT_EQ(check_network(spec), "");
  Network net(spec);
  for (double& p : net.parameters()) p *= 1.3;
  const Data data = make(Dataset::gaussians, 16);
  std::vector<double> analytic(net.parameters().size());
  net.gradient(data.xs.data(), data.ys.data(), data.n(), analytic.data());
  const double h = 1e-6;
  for (std::size_t l = 0; l < net.layer_count(); ++l) {
    const std::size_t begin = net.weight_offset(l);
    const std::size_t end = l + 1 < net.layer_count() ? net.weight_offset(l + 1) : analytic.size();
    double worst = 0;
    for (std::size_t k = begin; k < end; ++k) {
      double& p = net.parameters()[k];
      const double saved = p;
      p = saved + h;
      const double up = net.loss(data.xs.data(), data.ys.data(), data.n());
      p = saved - h;
      const double down = net.loss(data.xs.data(), data.ys.data(), data.n());
      p = saved;
      const double numeric = (up - down) / (2 * h);
      worst = std::max(worst, std::fabs(analytic[k] - numeric) / (1 + std::fabs(numeric)));
    }
    EXPECT_LT(worst, 1e-6) << "weight layer " << l;
  }
}

// x·σ(x) is SiLU: the same seed trains the same network to within rounding, and draws the same map.
TEST(FormulaLayers, TrainsLikeTheCatalogueRowItWrites) {
  const Data data = make(Dataset::circle, 100);
  NetworkSpec a, b;
  a.layers = b.layers = {2, 6, 6, 1};
  a.activations = {formula("x * sigmoid(x)")};
  b.activations = {row(Fn::silu)};
  Network fa(a), fb(b);
  const double la = fa.train(data.xs.data(), data.ys.data(), data.n(), 20, 10);
  const double lb = fb.train(data.xs.data(), data.ys.data(), data.n(), 20, 10);
  EXPECT_NEAR(la, lb, 1e-10);
  for (std::size_t k = 0; k < fa.parameters().size(); ++k) {
    EXPECT_NEAR(fa.parameters()[k], fb.parameters()[k], 1e-9 * (1 + std::fabs(fb.parameters()[k]))) << k;
  }
  std::vector<float> ga(16 * 16), gb(16 * 16), ua(12 * 16 * 16), ub(12 * 16 * 16);
  fa.predict_grid(16, 16, -1, 1, -1, 1, ga.data(), ua.data());
  fb.predict_grid(16, 16, -1, 1, -1, 1, gb.data(), ub.data());
  for (std::size_t k = 0; k < ga.size(); ++k) EXPECT_NEAR(ga[k], gb[k], 1e-5) << k;
  for (std::size_t k = 0; k < ua.size(); ++k) EXPECT_NEAR(ua[k], ub[k], 1e-5) << k;
}

// A formula's parameter must be finite; a NaN would poison every weight silently.
TEST(FormulaLayers, ANonFiniteParameterIsRefusedByName) {
  NetworkSpec spec;
  spec.layers = {2, 3, 1};
  spec.activations = {formula("max(slope * x, x)", {NAN})};
  EXPECT_NE(check_network(spec).find("slope"), std::string::npos) << check_network(spec);
  spec.activations = {formula("max(slope * x, x)", {0.1})};
  EXPECT_EQ(check_network(spec), "");
}

// 1/(1 + e^(−x)) through the depth experiment: sigmoid's vanishing gradient, layer by layer.
TEST(FormulaLayers, DepthExperimentMatchesTheCatalogueRow) {
  DepthSpec a, b;
  a.depth = b.depth = 12;
  a.activation = formula("1 / (1 + exp(-x))");
  b.activation = row(Fn::sigmoid);
  ASSERT_EQ(check_depth(a), "");
  std::vector<double> ga(24), gb(24);
  gradient_by_depth(a, ga.data());
  gradient_by_depth(b, gb.data());
  for (std::size_t l = 0; l < ga.size(); ++l) EXPECT_NEAR(ga[l], gb[l], 1e-12 * (1 + gb[l])) << l;
  EXPECT_LT(ga[0], 1e-4 * ga[11]);
}

}  // namespace
}  // namespace alab
