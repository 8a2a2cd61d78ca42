// src/wasm's plain C++ (the boundary the module's JS calls): the one index check, the address-based entry
// points, the C exports, the JSON writer and the demos' option lists written from the name tables.
#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "core/catalogue.hpp"
#include "demos/datasets.hpp"
#include "demos/network/network.hpp"
#include "wasm/boundary.hpp"
#include "wasm/expression_heap_api.hpp"
#include "wasm/format_heap_api.hpp"
#include "wasm/heap_api.hpp"
#include "wasm/json.hpp"
#include "wasm/network_heap_api.hpp"

extern "C" {
int alab_params_ok(int fn, const double* params);
int alab_apply_f64(int fn, int derivative, const double* xs, double* out, std::uint32_t n, const double* params);
int alab_apply_f32(int fn, int derivative, const float* xs, float* out, std::uint32_t n, const double* params);
}

namespace {

using alab::wasm::Address;
Address addr(const void* p) { return reinterpret_cast<Address>(p); }

TEST(HeapApi, TheIndexCheckAcceptsExactlyTheCatalogueRows) {
  EXPECT_FALSE(alab::wasm::fn_index_valid(-1));
  EXPECT_FALSE(alab::wasm::fn_index_valid(static_cast<int>(alab::kFnCount)));
  for (std::size_t i = 0; i < alab::kFnCount; ++i) EXPECT_TRUE(alab::wasm::fn_index_valid(static_cast<int>(i)));
}

TEST(HeapApi, EnumIndicesOutsideTheEnumBecomeCount) {
  EXPECT_EQ(alab::wasm::enum_of<alab::Init>(-1), alab::Init::count);
  EXPECT_EQ(alab::wasm::enum_of<alab::Init>(static_cast<int>(alab::Init::count)), alab::Init::count);
  EXPECT_EQ(alab::wasm::enum_of<alab::Init>(2), alab::Init::he);
  EXPECT_EQ(alab::wasm::enum_of<alab::Dataset>(0), alab::Dataset::xor_quadrants);
}

TEST(HeapApi, CheckSaysWhyAndTheCExportAgreesWithIt) {
  std::array<double, alab::kMaxParams> params{};
  const int leaky = static_cast<int>(alab::Fn::leaky_relu);
  alab::default_params(alab::Fn::leaky_relu, params.data());
  EXPECT_EQ(alab::wasm::check(leaky, addr(params.data())), "");
  EXPECT_EQ(alab_params_ok(leaky, params.data()), 1);
  EXPECT_EQ(alab::wasm::check(-1, addr(params.data())), "unknown function index");
  EXPECT_EQ(alab_params_ok(-1, params.data()), 0);
  EXPECT_EQ(alab::wasm::check(leaky, 0), "missing parameters");
  EXPECT_EQ(alab_params_ok(leaky, nullptr), 0);
  params[0] = std::nan("");
  EXPECT_NE(alab::wasm::check(leaky, addr(params.data())), "");
  EXPECT_EQ(alab_params_ok(leaky, params.data()), 0);
}

TEST(HeapApi, TheCExportsApplyWhatTheEntryPointsApply) {
  const std::array<double, alab::kMaxParams> params{};
  const int relu = static_cast<int>(alab::Fn::relu);
  const double xs[] = {-2, -0.5, 0, 0.5, 3};
  double out[5] = {}, slope[5] = {};
  ASSERT_EQ(alab_apply_f64(relu, 0, xs, out, 5, params.data()), 1);
  ASSERT_EQ(alab_apply_f64(relu, 1, xs, slope, 5, params.data()), 1);
  EXPECT_EQ(std::vector<double>(out, out + 5), (std::vector<double>{0, 0, 0, 0.5, 3}));
  // PyTorch's convention at the kink: relu′(0) = 0.
  EXPECT_EQ(std::vector<double>(slope, slope + 5), (std::vector<double>{0, 0, 0, 1, 1}));
  const float xs32[] = {-1.5f, 2.25f};
  float out32[2] = {7, 7};
  ASSERT_EQ(alab_apply_f32(relu, 0, xs32, out32, 2, params.data()), 1);
  EXPECT_EQ(out32[0], 0.0f);
  EXPECT_EQ(out32[1], 2.25f);
  EXPECT_EQ(alab_apply_f32(static_cast<int>(alab::kFnCount), 0, xs32, out32, 2, params.data()), 0);
  EXPECT_EQ(alab_apply_f64(relu, 0, nullptr, out, 5, params.data()), 0);
  EXPECT_EQ(alab_apply_f64(relu, 0, nullptr, nullptr, 0, params.data()), 1);  // nothing to do is fine
}

TEST(HeapApi, TheNeuronEntryPointWritesZOutputAndSlope) {
  const std::array<double, alab::kMaxParams> params{};
  const double xs[] = {1, -2, 0.5}, ws[] = {0.8, 0.3, -1.2};
  double out[3] = {};
  ASSERT_TRUE(alab::wasm::neuron(static_cast<int>(alab::Fn::relu), addr(xs), addr(ws), 3, 0.5, addr(params.data()),
                                 addr(out)));
  EXPECT_NEAR(out[0], 0.1, 1e-16);
  EXPECT_EQ(out[1], out[0]);
  EXPECT_EQ(out[2], 1.0);
  double untouched[3] = {9, 9, 9};
  EXPECT_FALSE(alab::wasm::neuron(static_cast<int>(alab::Fn::relu), 0, addr(ws), 3, 0.5, addr(params.data()),
                                  addr(untouched)));
  EXPECT_FALSE(alab::wasm::neuron(static_cast<int>(alab::Fn::relu), addr(xs), addr(ws), 3, 0.5, addr(params.data()), 0));
  EXPECT_EQ(untouched[0], 9);
}

TEST(HeapApi, RandnRefusesMoreThanItsLimitAndWritesNothing) {
  float out[2] = {5, 5};
  EXPECT_FALSE(alab::wasm::torch_randn(0, 0, alab::wasm::kMaxRandn + 1, addr(out)));
  EXPECT_FALSE(alab::wasm::torch_randn(0, 0, 2, 0));
  EXPECT_EQ(out[0], 5);
  EXPECT_TRUE(alab::wasm::torch_randn(0, 0, 2, addr(out)));
  EXPECT_NE(out[0], 5);
}

// A formula crosses as −handle with its parameters' values; the network keeps the program after the
// expression table has dropped it, and trains as the same formula does in the depth experiment's terms.
TEST(HeapApi, AFormulaLayerOutlivesItsHandle) {
  const std::string compiled = alab::wasm::expr_compile("x * sigmoid(beta * x)");
  const auto at = compiled.find("\"handle\":");
  ASSERT_NE(at, std::string::npos) << compiled;
  const int handle = std::stoi(compiled.substr(at + 9));
  const std::uint32_t layers[] = {2, 4, 1};
  std::array<double, alab::wasm::kLayerParams> params{};
  params[0] = 1.5;  // beta
  const std::int32_t fns[] = {-handle};
  const int output = static_cast<int>(alab::OutputFn::sigmoid), loss = static_cast<int>(alab::Loss::cross_entropy);
  const int net = alab::wasm::network_create(addr(layers), 3, addr(fns), 1, addr(params.data()), output, loss, 0.1, 0,
                                             1, static_cast<int>(alab::Init::xavier), 0.1);
  ASSERT_GE(net, 0);
  EXPECT_TRUE(alab::wasm::expr_release(handle));
  std::vector<double> xs(40), ys(20);
  alab::make_dataset(alab::Dataset::xor_quadrants, 20, 0.1, 2, xs.data(), ys.data());
  const double loss_value = alab::wasm::network_train(net, addr(xs.data()), addr(ys.data()), 20, 3, 5);
  EXPECT_TRUE(std::isfinite(loss_value));
  EXPECT_GT(loss_value, 0);
  // A new network cannot name the dropped handle any more.
  EXPECT_EQ(alab::wasm::network_create(addr(layers), 3, addr(fns), 1, addr(params.data()), output, loss, 0.1, 0, 1,
                                       static_cast<int>(alab::Init::xavier), 0.1),
            -1);
  EXPECT_TRUE(alab::wasm::network_delete(net));
}

TEST(HeapApi, NetworkHandlesAreReusedAndABadHandleIsRefused) {
  const std::uint32_t layers[] = {2, 4, 1};
  std::array<double, alab::wasm::kLayerParams> params{};
  const std::int32_t tanh[] = {static_cast<std::int32_t>(alab::Fn::tanh)};
  const std::int32_t unknown[] = {static_cast<std::int32_t>(alab::kFnCount)};
  const std::int32_t dropped_formula[] = {-123456};
  const int output = static_cast<int>(alab::OutputFn::sigmoid), loss = static_cast<int>(alab::Loss::cross_entropy);
  const int init = static_cast<int>(alab::Init::xavier);
  const auto create = [&](double seed) {
    return alab::wasm::network_create(addr(layers), 3, addr(tanh), 1, addr(params.data()), output, loss, 0.1, 0, seed,
                                      init, 0.1);
  };
  EXPECT_EQ(alab::wasm::network_check(addr(layers), 3, addr(tanh), 1, addr(params.data()), output, loss, 0.1, 0, init,
                                      0.1),
            "");
  EXPECT_EQ(alab::wasm::network_check(addr(layers), 3, addr(unknown), 1, addr(params.data()), output, loss, 0.1, 0,
                                      init, 0.1),
            "unknown activation");
  EXPECT_EQ(alab::wasm::network_check(addr(layers), 3, addr(dropped_formula), 1, addr(params.data()), output, loss, 0.1,
                                      0, init, 0.1),
            "the formula is no longer compiled");
  const int a = create(1);
  const int b = create(2);
  ASSERT_GE(a, 0);
  ASSERT_GE(b, 0);
  EXPECT_NE(a, b);
  EXPECT_EQ(alab::wasm::network_parameter_count(a), 2u * 4 + 4 + 4 * 1 + 1);
  EXPECT_TRUE(alab::wasm::network_delete(a));
  EXPECT_FALSE(alab::wasm::network_delete(a));
  EXPECT_EQ(alab::wasm::network_parameters(a), 0u);
  EXPECT_TRUE(std::isnan(alab::wasm::network_loss(a, 0, 0, 0)));
  const int c = create(3);
  EXPECT_EQ(c, a);  // the freed handle is taken again
  EXPECT_TRUE(alab::wasm::network_delete(b));
  EXPECT_TRUE(alab::wasm::network_delete(c));
}

TEST(HeapApi, JsonStringsAreEscaped) {
  std::string out;
  alab::json::append_string(out, "a\"b\\c\n\x01\xe6\x91\x98");
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\u000a\\u0001\xe6\x91\x98\"");
  out.clear();
  alab::json::append_string(out, nullptr);
  EXPECT_EQ(out, "\"\"");
  out.clear();
  alab::json::append_number(out, 0.1);
  EXPECT_EQ(std::stod(out), 0.1);
  out.clear();
  const char* names[] = {"x", "y"};
  alab::json::append_key(out, "k");
  alab::json::append_names(out, names, 2);
  EXPECT_EQ(out, "\"k\":[\"x\",\"y\"]");
}

TEST(HeapApi, TheDemoOptionsListEveryNameTableInEnumOrder) {
  const std::string json = alab::wasm::demo_options_json();
  EXPECT_NE(json.find("\"datasets\":[\"xor\",\"circle\",\"spirals\",\"gaussians\"]"), std::string::npos) << json;
  EXPECT_NE(json.find("\"outputs\":[\"sigmoid\",\"tanh\"]"), std::string::npos) << json;
  EXPECT_NE(json.find("\"losses\":[\"squared\",\"cross_entropy\"]"), std::string::npos) << json;
  EXPECT_NE(json.find("\"inits\":[\"torch_default\",\"xavier\",\"he\",\"equal\",\"zeros\",\"constant\","
                      "\"xavier_normal\",\"lecun\"]"),
            std::string::npos)
      << json;
  EXPECT_NE(json.find("\"maxLearningRate\":10,"), std::string::npos) << json;
  EXPECT_EQ(json.back(), '}');
  for (int i = 0; i < static_cast<int>(alab::Init::count); ++i) {
    EXPECT_STRNE(alab::to_string(static_cast<alab::Init>(i)), "");
  }
  EXPECT_STREQ(alab::to_string(alab::Init::count), "");
  EXPECT_STREQ(alab::dataset_id(alab::Dataset::spirals), "spirals");
  EXPECT_EQ(alab::wasm::format_options_json(),
            "{\"formats\":[\"float64\",\"float32\",\"bfloat16\",\"float16\"],\"markerSamples\":4096}");
  EXPECT_EQ(alab::find_dataset("gaussians"), alab::Dataset::gaussians);
}

}  // namespace
