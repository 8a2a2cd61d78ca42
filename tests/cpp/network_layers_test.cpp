// The training lab's network: one activation per hidden layer, up to six hidden layers, every
// initialisation, L2 weight decay, per-layer gradient norms and dead units, bit-for-bit reproducibility.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "core/catalogue.hpp"
#include "demos/datasets.hpp"
#include "demos/network/network.hpp"

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

LayerActivation act(Fn fn) {
  LayerActivation a{fn, {}};
  default_params(fn, a.params);
  return a;
}

NetworkSpec mixed_spec() {
  NetworkSpec spec;
  spec.layers = {2, 5, 4, 3, 6, 2, 3, 1};
  spec.activations = {act(Fn::relu), act(Fn::tanh), act(Fn::gelu), act(Fn::sigmoid), act(Fn::elu), act(Fn::softplus)};
  spec.seed = 5;
  return spec;
}

// Backpropagation through six hidden layers, each with a different activation, against central
// differences, parameter by parameter and reported per layer (so a wrong derivative in one layer's
// chain names that layer).
TEST(MixedLayers, GradientMatchesCentralDifferencesInEveryLayer) {
  for (Loss loss : {Loss::cross_entropy, Loss::squared}) {
    NetworkSpec spec = mixed_spec();
    spec.loss = loss;
    ASSERT_EQ(check_network(spec), "");
    Network net(spec);
    for (double& p : net.parameters()) p *= 1.4;
    const Data data = make(Dataset::gaussians, 16, 0.3, 3);
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
      EXPECT_LT(worst, 1e-6) << "weight layer " << l << ", loss " << to_string(loss);
    }
  }
}

// A single activation still means every hidden layer: the same network as listing it for each.
TEST(MixedLayers, OneActivationMeansEveryLayer) {
  const Data data = make(Dataset::circle, 60, 0.1, 2);
  NetworkSpec one = mixed_spec(), each = mixed_spec();
  one.activations = {act(Fn::tanh)};
  each.activations.assign(6, act(Fn::tanh));
  Network a(one), b(each);
  a.train(data.xs.data(), data.ys.data(), data.n(), 5, 10);
  b.train(data.xs.data(), data.ys.data(), data.n(), 5, 10);
  ASSERT_EQ(a.parameters().size(), b.parameters().size());
  for (std::size_t k = 0; k < a.parameters().size(); ++k) EXPECT_EQ(a.parameters()[k], b.parameters()[k]);
}

TEST(MixedLayers, CheckNamesTheLayerAndTheCount) {
  NetworkSpec spec = mixed_spec();
  spec.activations.pop_back();
  EXPECT_NE(check_network(spec).find("one per hidden layer (6), got 5"), std::string::npos) << check_network(spec);
  spec = mixed_spec();
  spec.activations[2] = act(Fn::leaky_relu);
  spec.activations[2].params[0] = -5;
  EXPECT_NE(check_network(spec).find("hidden layer 3"), std::string::npos) << check_network(spec);
  spec = mixed_spec();
  spec.weight_decay = -0.1;
  EXPECT_NE(check_network(spec), "");
  spec.weight_decay = NAN;
  EXPECT_NE(check_network(spec), "");
  spec = mixed_spec();
  spec.init = Init::constant;
  spec.init_value = 1e3;
  EXPECT_NE(check_network(spec), "");
}

// Same options and seed: the same initial weights and the same weights after training, bit for bit;
// another seed: different ones. For every initialisation.
TEST(Reproducible, SameSeedSameWeightsAfterTraining) {
  const Data data = make(Dataset::spirals, 120, 0.1, 9);
  for (int i = 0; i < static_cast<int>(Init::count); ++i) {
    NetworkSpec spec = mixed_spec();
    spec.init = static_cast<Init>(i);
    spec.weight_decay = 0.001;
    Network a(spec), b(spec);
    for (std::size_t k = 0; k < a.parameters().size(); ++k) ASSERT_EQ(a.parameters()[k], b.parameters()[k]);
    a.train(data.xs.data(), data.ys.data(), data.n(), 7, 10);
    for (int e = 0; e < 7; ++e) b.train(data.xs.data(), data.ys.data(), data.n(), 1, 10);
    for (std::size_t k = 0; k < a.parameters().size(); ++k) {
      ASSERT_EQ(a.parameters()[k], b.parameters()[k]) << to_string(spec.init) << " parameter " << k;
    }
    if (spec.init == Init::torch_default || spec.init == Init::he || spec.init == Init::xavier) {
      spec.seed = 6;
      Network c(spec);
      EXPECT_NE(a.parameters()[0], c.parameters()[0]);
    }
  }
}

// Zero init: every weight and bias 0, so every hidden unit computes the same thing and gets the same
// gradient — they stay equal however long it trains (the symmetry problem, at its most extreme).
TEST(ZeroInit, KeepsUnitsOfALayerEqual) {
  const Data data = make(Dataset::circle, 100, 0.1, 4);
  for (Fn fn : {Fn::tanh, Fn::sigmoid, Fn::gelu}) {
    NetworkSpec spec;
    spec.layers = {2, 6, 5, 1};
    spec.activations = {act(fn)};
    spec.init = Init::zeros;
    Network net(spec);
    for (double p : net.parameters()) ASSERT_EQ(p, 0.0);
    net.train(data.xs.data(), data.ys.data(), data.n(), 20, 10);
    for (std::size_t l = 0; l + 1 < net.layer_count(); ++l) {
      const std::size_t in = spec.layers[l], out = spec.layers[l + 1];
      const double* w = net.parameters().data() + net.weight_offset(l);
      for (std::size_t j = 1; j < out; ++j) {
        for (std::size_t i = 0; i < in; ++i) EXPECT_EQ(w[j * in + i], w[i]) << info(fn).id << " layer " << l;
        EXPECT_EQ(w[in * out + j], w[in * out]);
      }
    }
  }
}

// The constant init puts its value in every weight, biases 0.
TEST(Inits, ConstantAndZerosAreWhatTheySay) {
  NetworkSpec spec = mixed_spec();
  spec.init = Init::constant;
  spec.init_value = -0.25;
  Network net(spec);
  for (std::size_t l = 0; l < net.layer_count(); ++l) {
    const std::size_t in = spec.layers[l], out = spec.layers[l + 1];
    const double* w = net.parameters().data() + net.weight_offset(l);
    for (std::size_t k = 0; k < in * out; ++k) EXPECT_EQ(w[k], -0.25);
    for (std::size_t j = 0; j < out; ++j) EXPECT_EQ(w[in * out + j], 0.0);
  }
}

// L2: one step with decay λ moves each weight by −rate·λ·w more than the same step without it, and leaves
// the biases alone.
TEST(WeightDecay, OneStepTakesRateTimesLambdaTimesW) {
  const Data data = make(Dataset::xor_quadrants, 10, 0.0, 1);
  NetworkSpec plain = mixed_spec(), decayed = mixed_spec();
  decayed.weight_decay = 0.05;
  Network a(plain), b(decayed);
  std::vector<double> before(a.parameters().begin(), a.parameters().end());
  a.train(data.xs.data(), data.ys.data(), data.n(), 1, 10);  // one batch of all 10: one step
  b.train(data.xs.data(), data.ys.data(), data.n(), 1, 10);
  for (std::size_t l = 0; l < a.layer_count(); ++l) {
    const std::size_t in = plain.layers[l], out = plain.layers[l + 1];
    for (std::size_t k = 0; k < in * out + out; ++k) {
      const std::size_t at = a.weight_offset(l) + k;
      const double expected = k < in * out ? -plain.learning_rate * 0.05 * before[at] : 0.0;
      EXPECT_NEAR(b.parameters()[at] - a.parameters()[at], expected, 1e-15) << "layer " << l << " k " << k;
    }
  }
}

// The gradient norms the lab shows are the norms of the weights' mini-batch gradients: with the whole data
// set as one batch and one epoch, exactly ‖∂loss/∂W_l‖ from gradient().
TEST(GradientNorms, EqualTheFullBatchGradientNormPerLayer) {
  const Data data = make(Dataset::gaussians, 40, 0.2, 8);
  Network net(mixed_spec());
  std::vector<double> g(net.parameters().size());
  net.gradient(data.xs.data(), data.ys.data(), data.n(), g.data());
  for (double v : net.gradient_norms()) EXPECT_EQ(v, 0.0);
  net.train(data.xs.data(), data.ys.data(), data.n(), 1, 40);
  const auto norms = net.gradient_norms();
  ASSERT_EQ(norms.size(), net.layer_count());
  for (std::size_t l = 0; l < net.layer_count(); ++l) {
    const std::size_t in = net.spec().layers[l], out = net.spec().layers[l + 1];
    double sum = 0;
    for (std::size_t k = 0; k < in * out; ++k) sum += g[net.weight_offset(l) + k] * g[net.weight_offset(l) + k];
    EXPECT_NEAR(norms[l], std::sqrt(sum), 1e-12 * (1 + std::sqrt(sum))) << "layer " << l;
  }
}

// Dead units: a ReLU layer whose weights and biases push every input below 0 is counted dead; the
// others are alive; loss and accuracy agree with loss() and accuracy().
TEST(Evaluate, CountsDeadUnitsPerLayerAndAgreesWithLossAndAccuracy) {
  const Data data = make(Dataset::circle, 80, 0.0, 5);
  NetworkSpec spec;
  spec.layers = {2, 4, 3, 1};
  spec.activations = {act(Fn::relu), act(Fn::tanh)};
  Network net(spec);
  double* w = net.parameters().data();
  // Units 0 and 2 of the first layer: zero weights and bias −1, so relu(−1) = 0 everywhere (|x|, |y| ≤ 1.5).
  for (std::size_t j : {0, 2}) {
    w[j * 2] = w[j * 2 + 1] = 0;
    w[8 + j] = -1;
  }
  w[8 + 1] = 5;  // unit 1 stays alive: bias 5 beats any |w·x| here
  w[1 * 2] = w[1 * 2 + 1] = 0.1;
  w[8 + 3] = 5;
  w[3 * 2] = w[3 * 2 + 1] = 0.1;
  double out[4];
  net.evaluate(data.xs.data(), data.ys.data(), data.n(), out);
  EXPECT_EQ(out[0], net.loss(data.xs.data(), data.ys.data(), data.n()));
  EXPECT_EQ(out[1], net.accuracy(data.xs.data(), data.ys.data(), data.n()));
  EXPECT_EQ(out[2], 0.5);
  EXPECT_EQ(out[3], 0.0);
}

// Every hidden unit's map from predict_grid is that unit's output at the pixel centres.
TEST(UnitMaps, AreEachHiddenUnitsOutputOverTheGrid) {
  NetworkSpec spec;
  spec.layers = {2, 3, 2, 1};
  spec.activations = {act(Fn::tanh), act(Fn::relu)};
  Network net(spec);
  const std::uint32_t cols = 5, rows = 4;
  std::vector<float> grid(cols * rows), maps(5 * cols * rows);
  net.predict_grid(cols, rows, -1, 1, -2, 2, grid.data(), maps.data());
  const double* w = net.parameters().data();
  for (std::uint32_t r = 0; r < rows; ++r) {
    for (std::uint32_t c = 0; c < cols; ++c) {
      const double x = -1 + (c + 0.5) * 2.0 / cols, y = 2 - (r + 0.5) * 4.0 / rows;
      double h1[3], h2[2];
      for (int j = 0; j < 3; ++j) h1[j] = std::tanh(w[2 * j] * x + w[2 * j + 1] * y + w[6 + j]);
      const double* w2 = w + net.weight_offset(1);
      for (int j = 0; j < 2; ++j) {
        h2[j] = std::max(0.0, w2[3 * j] * h1[0] + w2[3 * j + 1] * h1[1] + w2[3 * j + 2] * h1[2] + w2[6 + j]);
      }
      const std::size_t px = r * cols + c;
      for (int u = 0; u < 3; ++u) EXPECT_NEAR(maps[u * cols * rows + px], h1[u], 1e-6);
      for (int u = 0; u < 2; ++u) EXPECT_NEAR(maps[(3 + u) * cols * rows + px], h2[u], 1e-5);
    }
  }
}

}  // namespace
}  // namespace alab
