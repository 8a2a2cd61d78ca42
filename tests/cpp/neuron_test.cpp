// core/neuron.hpp: output = f(w·x + b), checked against values computed with mpmath (40 digits) for the page's
// default neuron, and against the weighted sum taken in long double for any inputs.
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <vector>

#include "core/catalogue.hpp"
#include "core/neuron.hpp"

namespace {

constexpr std::array<double, alab::kMaxParams> kNoParams{};

// The page's first view: x = (1, −2, 0.5), w = (0.8, 0.3, −1.2), b = 0.5, so z = 0.1.
const std::vector<double> kInputs{1, -2, 0.5};
const std::vector<double> kWeights{0.8, 0.3, -1.2};

TEST(Neuron, ThePagesDefaultNeuronWithReLUAndSigmoid) {
  const alab::NeuronResult relu = alab::neuron(kInputs, kWeights, 0.5, alab::Fn::relu, kNoParams.data());
  EXPECT_NEAR(relu.z, 0.1, 1e-16);
  EXPECT_EQ(relu.output, relu.z);
  EXPECT_EQ(relu.derivative, 1.0);
  // mpmath: σ(0.1) = 0.52497918747894, σ′(0.1) = σ(1 − σ) = 0.24937604019289.
  const alab::NeuronResult sigmoid = alab::neuron(kInputs, kWeights, 0.5, alab::Fn::sigmoid, kNoParams.data());
  EXPECT_NEAR(sigmoid.output, 0.5249791874789399861, 2e-16);
  EXPECT_NEAR(sigmoid.derivative, 0.24937604019289196782, 2e-16);
}

TEST(Neuron, TanhOfALargerSum) {
  // z = 2·1 + 0.5·1 = 2.5; mpmath: tanh(2.5) = 0.98661429815143, 1 − tanh² = 0.026592226683161.
  const alab::NeuronResult r = alab::neuron(std::vector<double>{1, 1}, std::vector<double>{2, 0.5}, 0, alab::Fn::tanh,
                                            kNoParams.data());
  EXPECT_EQ(r.z, 2.5);
  EXPECT_NEAR(r.output, 0.98661429815143028888, 2e-16);
  EXPECT_NEAR(r.derivative, 0.026592226683160619656, 1e-16);
}

TEST(Neuron, NoInputsLeavesTheBias) {
  const alab::NeuronResult r = alab::neuron({}, {}, -0.75, alab::Fn::relu, kNoParams.data());
  EXPECT_EQ(r.z, -0.75);
  EXPECT_EQ(r.output, 0.0);
  EXPECT_EQ(r.derivative, 0.0);
}

TEST(Neuron, TheWeightedSumMatchesALongDoubleSum) {
  for (int n = 1; n <= 16; ++n) {
    std::vector<double> xs, ws;
    long double reference = 0.125L;
    for (int i = 0; i < n; ++i) {
      xs.push_back(std::sin(1.0 + i) * 3.0);
      ws.push_back(std::cos(2.0 * i) - 0.3);
      reference += static_cast<long double>(xs.back()) * static_cast<long double>(ws.back());
    }
    const alab::NeuronResult r = alab::neuron(xs, ws, 0.125, alab::Fn::identity, kNoParams.data());
    EXPECT_NEAR(r.z, static_cast<double>(reference), 1e-14 * n) << "n = " << n;
    EXPECT_EQ(r.output, r.z);
    EXPECT_EQ(r.derivative, 1.0);
  }
}

TEST(Neuron, UsesTheActivationsParameters) {
  // leaky_relu with negative_slope 0.2 at z = −1 − 1 = −2: output −0.4, slope 0.2.
  const std::array<double, alab::kMaxParams> slope{0.2};
  const alab::NeuronResult r = alab::neuron(std::vector<double>{-1}, std::vector<double>{1}, -1, alab::Fn::leaky_relu,
                                            slope.data());
  EXPECT_EQ(r.z, -2.0);
  EXPECT_NEAR(r.output, -0.4, 1e-16);
  EXPECT_NEAR(r.derivative, 0.2, 1e-16);
}

}  // namespace
