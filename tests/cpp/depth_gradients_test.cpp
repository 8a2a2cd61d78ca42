// The vanishing-gradient experiment: sigmoid's gradient collapses at least as fast as 0.25ⁿ, ReLU with
// He initialisation holds it, tanh sits in between.
#include "demos/depth_gradients.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace alab {
namespace {

std::vector<double> run(Fn fn, Init init, std::uint32_t depth, std::uint64_t seed = 1) {
  DepthSpec spec;
  spec.activation.fn = fn;
  default_params(fn, spec.activation.params);
  spec.init = init;
  spec.depth = depth;
  spec.seed = seed;
  EXPECT_EQ(check_depth(spec), "");
  std::vector<double> out(2 * depth);
  gradient_by_depth(spec, out.data());
  return out;
}

// σ′ ≤ 1/4, and these schemes keep the weights' gain near 1 or below, so n layers shrink the gradient
// by at least 0.25ⁿ. (Not a theorem for any weights: a large enough W could offset it.)
TEST(DepthGradients, SigmoidDecaysAtLeastLikeAQuarterPerLayer) {
  for (Init init : {Init::torch_default, Init::xavier}) {
    for (std::uint64_t seed : {1, 2}) {
      const auto g = run(Fn::sigmoid, init, 20, seed);
      EXPECT_LE(g[0] / g[19], std::pow(0.25, 19)) << to_string(init);
      for (std::size_t l = 1; l < 20; ++l) EXPECT_LT(g[l - 1], g[l]) << "layer " << l;
    }
  }
}

TEST(DepthGradients, ReluWithHeHoldsOverFiftyLayers) {
  for (std::uint64_t seed : {1, 2, 3}) {
    const auto g = run(Fn::relu, Init::he, 50, seed);
    EXPECT_GT(g[0] / g[49], 0.05) << seed;
    EXPECT_LT(g[0] / g[49], 20.0) << seed;
  }
}

TEST(DepthGradients, TanhLiesBetweenSigmoidAndRelu) {
  const auto sigmoid = run(Fn::sigmoid, Init::xavier, 20), tanh = run(Fn::tanh, Init::xavier, 20),
             relu = run(Fn::relu, Init::he, 20);
  const double s = sigmoid[0] / sigmoid[19], t = tanh[0] / tanh[19], r = relu[0] / relu[19];
  EXPECT_LT(s, t);
  EXPECT_LT(t, 1.0);
  EXPECT_GT(r, 1e3 * s);
}

// One layer, identity, equal weights 1/√w: δ = g (norm 1) and ‖∂L/∂W‖ = ‖δ‖·‖x‖.
TEST(DepthGradients, OneIdentityLayerPassesTheUnitGradientThrough) {
  DepthSpec spec;
  spec.activation.fn = Fn::identity;
  spec.init = Init::equal;
  spec.depth = 1;
  spec.width = 4;
  spec.samples = 1;
  double out[2];
  gradient_by_depth(spec, out);
  EXPECT_NEAR(out[0], 1.0, 1e-15);
  EXPECT_GT(out[1], 0.0);
}

TEST(DepthGradients, ChecksItsSpec) {
  DepthSpec spec;
  EXPECT_EQ(check_depth(spec), "");
  spec.depth = 0;
  EXPECT_NE(check_depth(spec), "");
  spec.depth = kMaxDepth + 1;
  EXPECT_NE(check_depth(spec), "");
  spec.depth = 5;
  spec.width = 0;
  EXPECT_NE(check_depth(spec), "");
  spec.width = 8;
  spec.samples = 0;
  EXPECT_NE(check_depth(spec), "");
}

}  // namespace
}  // namespace alab
