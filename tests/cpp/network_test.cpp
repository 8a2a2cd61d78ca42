// The training network: analytic gradients against central differences for every catalogue
// activation with both losses and both outputs, learning XOR, the identity collapse, and symmetry.
#include "demos/network/network.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "core/catalogue.hpp"
#include "demos/datasets.hpp"

namespace alab {
namespace {

struct Data {
  std::vector<double> xs, ys;
  std::size_t n() const { return ys.size(); }
};

Data make(Dataset d, std::uint32_t n, double noise, std::uint64_t seed) {
  Data data{std::vector<double>(2 * n), std::vector<double>(n)};
  make_dataset(d, n, noise, seed, data.xs.data(), data.ys.data());
  return data;
}

NetworkSpec spec_for(Fn fn, std::uint64_t seed) {
  NetworkSpec spec;
  spec.activations.assign(1, LayerActivation{fn, {}});
  default_params(fn, spec.activations[0].params);
  spec.seed = seed;
  return spec;
}

struct GradientCase {
  Fn fn;
  OutputFn output;
  Loss loss;
};

std::string case_name(const testing::TestParamInfo<GradientCase>& p) {
  return std::string(info(p.param.fn).id) + "_" + to_string(p.param.output) + "_" + to_string(p.param.loss);
}

std::vector<GradientCase> all_cases() {
  std::vector<GradientCase> cases;
  for (const FnInfo& row : catalogue()) {
    for (auto output : {OutputFn::sigmoid, OutputFn::tanh}) {
      for (auto loss : {Loss::squared, Loss::cross_entropy}) cases.push_back({row.fn, output, loss});
    }
  }
  return cases;
}

class NetworkGradient : public testing::TestWithParam<GradientCase> {};

// Backpropagation is checked against (L(θ + h) − L(θ − h)) / 2h for every parameter of a 2-5-4-1
// network on 12 points; a kink crossed within ±h would show as one bad component, so the points are
// fixed and the check reports which parameter failed.
TEST_P(NetworkGradient, MatchesCentralDifferences) {
  const GradientCase c = GetParam();
  NetworkSpec spec = spec_for(c.fn, 7);
  spec.layers = {2, 5, 4, 1};
  spec.output = c.output;
  spec.loss = c.loss;
  ASSERT_EQ(check_network(spec), "");
  Network net(spec);
  // Scale the weights up a little so saturating functions are tested away from their linear middle.
  for (double& p : net.parameters()) p *= 1.5;
  const Data data = make(Dataset::gaussians, 12, 0.3, 3);
  std::vector<double> analytic(net.parameters().size());
  net.gradient(data.xs.data(), data.ys.data(), data.n(), analytic.data());
  const double h = 1e-6;
  for (std::size_t k = 0; k < analytic.size(); ++k) {
    double& p = net.parameters()[k];
    const double saved = p;
    p = saved + h;
    const double up = net.loss(data.xs.data(), data.ys.data(), data.n());
    p = saved - h;
    const double down = net.loss(data.xs.data(), data.ys.data(), data.n());
    p = saved;
    const double numeric = (up - down) / (2 * h);
    EXPECT_NEAR(analytic[k], numeric, 1e-6 * (1 + std::fabs(numeric))) << "parameter " << k;
  }
}

INSTANTIATE_TEST_SUITE_P(EveryActivation, NetworkGradient, testing::ValuesIn(all_cases()), case_name);

double trained_accuracy(Fn fn, std::uint64_t seed, std::uint32_t epochs) {
  const Data data = make(Dataset::xor_quadrants, 200, 0.0, 11);
  NetworkSpec spec = spec_for(fn, seed);
  spec.learning_rate = 0.1;
  Network net(spec);
  net.train(data.xs.data(), data.ys.data(), data.n(), epochs, 10);
  return net.accuracy(data.xs.data(), data.ys.data(), data.n());
}

constexpr std::uint32_t kXorEpochs = 100;

TEST(NetworkTraining, XorWithReluReaches95Percent) {
  for (std::uint64_t seed : {1, 2, 3}) EXPECT_GE(trained_accuracy(Fn::relu, seed, kXorEpochs), 0.95) << seed;
}

TEST(NetworkTraining, XorWithTanhReaches95Percent) {
  for (std::uint64_t seed : {1, 2, 3}) EXPECT_GE(trained_accuracy(Fn::tanh, seed, kXorEpochs), 0.95) << seed;
}

// However long it trains, a network of identity layers is one linear map: a straight line cannot
// separate XOR's quadrants, so it stays far from the others.
TEST(NetworkTraining, XorWithIdentityStaysNearChance) {
  for (std::uint64_t seed : {1, 2, 3}) EXPECT_LE(trained_accuracy(Fn::identity, seed, kXorEpochs), 0.75) << seed;
}

TEST(NetworkTraining, LossFallsAndTrainingIsDeterministic) {
  const Data data = make(Dataset::circle, 200, 0.05, 5);
  NetworkSpec spec = spec_for(Fn::tanh, 4);
  spec.learning_rate = 0.3;
  Network a(spec), b(spec);
  const double before = a.loss(data.xs.data(), data.ys.data(), data.n());
  a.train(data.xs.data(), data.ys.data(), data.n(), 30, 10);
  b.train(data.xs.data(), data.ys.data(), data.n(), 30, 10);
  EXPECT_LT(a.loss(data.xs.data(), data.ys.data(), data.n()), 0.5 * before);
  for (std::size_t k = 0; k < a.parameters().size(); ++k) EXPECT_EQ(a.parameters()[k], b.parameters()[k]);
}

TEST(NetworkCollapse, IdentityNetworkIsItsProductMatrix) {
  const Data data = make(Dataset::xor_quadrants, 50, 0.1, 2);
  NetworkSpec spec = spec_for(Fn::identity, 9);
  spec.layers = {2, 8, 8, 8, 1};
  Network net(spec);
  net.train(data.xs.data(), data.ys.data(), data.n(), 5, 10);
  double m[3];
  net.collapsed(m);
  std::vector<double> p(data.n());
  net.predict(data.xs.data(), data.n(), p.data());
  for (std::size_t i = 0; i < data.n(); ++i) {
    const double z = m[0] * data.xs[2 * i] + m[1] * data.xs[2 * i + 1] + m[2];
    EXPECT_NEAR(p[i], 1 / (1 + std::exp(-z)), 1e-12);
  }
}

// Units that start equal receive equal gradients, so they stay equal: the symmetry that only random
// initialisation breaks, whatever the activation.
class NetworkSymmetry : public testing::TestWithParam<Fn> {};

TEST_P(NetworkSymmetry, EqualStartKeepsHiddenUnitsIdentical) {
  const Data data = make(Dataset::spirals, 100, 0.1, 8);
  NetworkSpec spec = spec_for(GetParam(), 3);
  spec.init = Init::equal;
  Network net(spec);
  net.train(data.xs.data(), data.ys.data(), data.n(), 20, 10);
  for (std::size_t l = 0; l + 1 < net.layer_count(); ++l) {
    const std::size_t in = spec.layers[l], out = spec.layers[l + 1];
    const double* w = net.parameters().data() + net.weight_offset(l);
    for (std::size_t j = 1; j < out; ++j) {
      for (std::size_t i = 0; i < in; ++i) EXPECT_EQ(w[j * in + i], w[i]) << "layer " << l << " unit " << j;
      EXPECT_EQ(w[in * out + j], w[in * out]) << "bias, layer " << l << " unit " << j;
    }
  }
}

TEST_P(NetworkSymmetry, RandomStartGivesDistinctUnits) {
  Network net(spec_for(GetParam(), 3));
  const double* w = net.parameters().data();
  EXPECT_NE(w[0], w[2]);  // unit 0 and unit 1 of the first layer, first input
}

INSTANTIATE_TEST_SUITE_P(Activations, NetworkSymmetry, testing::Values(Fn::relu, Fn::tanh, Fn::sigmoid, Fn::gelu),
                         [](const auto& p) { return std::string(alab::info(p.param).id); });

TEST(NetworkInit, SchemesHaveTheirDocumentedScale) {
  NetworkSpec spec = spec_for(Fn::relu, 1);
  spec.layers = {2, 8, 8, 8, 8, 1};
  for (Init init : {Init::torch_default, Init::xavier, Init::he}) {
    spec.init = init;
    Network net(spec);
    // Second layer: 8 → 8. Bounds and variances from the definitions in network.hpp.
    const double* w = net.parameters().data() + net.weight_offset(1);
    double sum_sq = 0, largest = 0;
    for (int k = 0; k < 64; ++k) sum_sq += w[k] * w[k], largest = std::max(largest, std::fabs(w[k]));
    const double variance = sum_sq / 64;
    if (init == Init::torch_default) EXPECT_LE(largest, 1 / std::sqrt(8.0));
    if (init == Init::xavier) EXPECT_LE(largest, std::sqrt(6.0 / 16));
    const double expected = init == Init::torch_default ? 1.0 / 24 : init == Init::xavier ? 6.0 / 16 / 3 : 2.0 / 8;
    EXPECT_NEAR(variance, expected, 0.5 * expected) << to_string(init);
  }
}

TEST(NetworkSpecCheck, RejectsWhatItCannotBuild) {
  NetworkSpec spec;
  EXPECT_EQ(check_network(spec), "");
  spec.layers = {3, 8, 1};
  EXPECT_NE(check_network(spec), "");
  spec.layers = {2, 9, 1};
  EXPECT_NE(check_network(spec), "");
  spec.layers = {2, 8, 8, 8, 8, 8, 8, 8, 1};
  EXPECT_NE(check_network(spec), "");
  spec.layers = {2, 8, 8, 8, 8, 8, 8, 1};
  EXPECT_EQ(check_network(spec), "");
  spec.layers = {2, 8, 2};
  EXPECT_NE(check_network(spec), "");
  spec.layers = {2, 1};
  EXPECT_EQ(check_network(spec), "");
  spec.learning_rate = 0;
  EXPECT_NE(check_network(spec), "");
  spec.learning_rate = NAN;
  EXPECT_NE(check_network(spec), "");
  spec.learning_rate = 0.1;
  spec.activations[0].fn = Fn::leaky_relu;
  spec.activations[0].params[0] = -5;
  EXPECT_NE(check_network(spec), "");
}

TEST(NetworkGrid, RowZeroIsTheTopAndValuesAreProbabilities) {
  Network net(spec_for(Fn::tanh, 2));
  std::vector<float> grid(4 * 3);
  net.predict_grid(4, 3, -1, 1, -1, 1, grid.data());
  const double corner[2] = {-0.75, 1 - 1.0 / 3};  // centre of column 0, row 0
  double p = 0;
  net.predict(corner, 1, &p);
  EXPECT_NEAR(grid[0], p, 1e-6);
  for (float v : grid) EXPECT_TRUE(v >= 0 && v <= 1);
}

// The float32 grid (display precision) agrees with the float64 predictions at every pixel centre.
TEST(NetworkGrid, Float32GridMatchesFloat64Predictions) {
  const Data data = make(Dataset::circle, 100, 0.05, 4);
  for (Fn fn : {Fn::tanh, Fn::sigmoid, Fn::relu, Fn::gelu, Fn::elu}) {
    for (OutputFn output : {OutputFn::sigmoid, OutputFn::tanh}) {
      NetworkSpec spec = spec_for(fn, 6);
      spec.layers = {2, 8, 5, 3, 1};
      spec.output = output;
      Network net(spec);
      net.train(data.xs.data(), data.ys.data(), data.n(), 20, 10);
      const std::uint32_t cols = 23, rows = 17;
      std::vector<float> grid(cols * rows);
      net.predict_grid(cols, rows, -1.5, 1.5, -1.2, 1.2, grid.data());
      std::vector<double> centres, p(cols * rows);
      for (std::uint32_t r = 0; r < rows; ++r) {
        for (std::uint32_t c = 0; c < cols; ++c) {
          centres.push_back(-1.5 + (c + 0.5) * 3.0 / cols);
          centres.push_back(1.2 - (r + 0.5) * 2.4 / rows);
        }
      }
      net.predict(centres.data(), cols * rows, p.data());
      for (std::size_t k = 0; k < p.size(); ++k) EXPECT_NEAR(grid[k], p[k], 2e-5) << info(fn).id << " pixel " << k;
    }
  }
}

}  // namespace
}  // namespace alab
