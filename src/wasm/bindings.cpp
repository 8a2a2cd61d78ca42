// The module's surface, declarations only: the logic is in the core and the demos, the checks and the
// address-based entry points in heap_api.*, network_heap_api.*, expression_heap_api.* and format_heap_api.*,
// the plain-JS API in src/js/.
#include <emscripten/bind.h>

#include "core/catalogue.hpp"
#include "expression_heap_api.hpp"
#include "format_heap_api.hpp"
#include "heap_api.hpp"
#include "network_heap_api.hpp"

EMSCRIPTEN_BINDINGS(activation_lab) {
  using namespace emscripten;
  function("rawCatalogueJson", &alab::catalogue_json);
  function("rawCheck", &alab::wasm::check);
  function("rawNeuron", &alab::wasm::neuron);
}

// Softmax over a vector with a temperature.
EMSCRIPTEN_BINDINGS(softmax) {
  using namespace emscripten;
  function("rawSoftmaxCheck", &alab::wasm::softmax_check);
  function("rawSoftmax", &alab::wasm::softmax);
}

// The demos: training network, toy datasets, gradients by depth, output histograms.
EMSCRIPTEN_BINDINGS(network) {
  using namespace emscripten;
  using namespace alab::wasm;
  function("rawDemoOptionsJson", &demo_options_json);
  function("rawNetworkCheck", &network_check);
  function("rawNetworkCreate", &network_create);
  function("rawNetworkDelete", &network_delete);
  function("rawNetworkTrain", &network_train);
  function("rawNetworkLoss", &network_loss);
  function("rawNetworkAccuracy", &network_accuracy);
  function("rawNetworkPredict", &network_predict);
  function("rawNetworkPredictGrid", &network_predict_grid);
  function("rawNetworkGradient", &network_gradient);
  function("rawNetworkEvaluate", &network_evaluate);
  function("rawNetworkGradientNorms", &network_gradient_norms);
  function("rawNetworkParameters", &network_parameters);
  function("rawNetworkParameterCount", &network_parameter_count);
  function("rawNetworkCollapsed", &network_collapsed);
  function("rawDatasetCheck", &dataset_check);
  function("rawDatasetMake", &dataset_make);
  function("rawDepthCheck", &depth_check);
  function("rawDepthGradients", &depth_gradients);
  function("rawHistogramCheck", &histogram_check);
  function("rawHistogram", &histogram);
}

// torch.manual_seed(seed); torch.randn(n), as PyTorch's CPU generator computes it.
EMSCRIPTEN_BINDINGS(torch_random) {
  emscripten::function("rawTorchRandn", &alab::wasm::torch_randn);
}

// A formula typed by the user: compiled in the module, evaluated through alab_expr_evaluate (exports).
EMSCRIPTEN_BINDINGS(expression) {
  using namespace emscripten;
  function("rawExprInfoJson", &alab::wasm::expr_info_json);
  function("rawExprCompile", &alab::wasm::expr_compile);
  function("rawExprRelease", &alab::wasm::expr_release);
  function("rawExprCount", &alab::wasm::expr_count);
  function("rawExprAlive", &alab::wasm::expr_alive);
  function("rawExprProperties", &alab::wasm::expr_properties);
}

// Number formats: rounding to float32, bfloat16, float16, and where it changes an activation.
EMSCRIPTEN_BINDINGS(number_formats) {
  using namespace emscripten;
  function("rawFormatOptionsJson", &alab::wasm::format_options_json);
  function("rawRoundValues", &alab::wasm::round_values);
  function("rawMarkersCheck", &alab::wasm::markers_check);
  function("rawMarkers", &alab::wasm::markers);
}
