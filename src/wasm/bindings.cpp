// The module's surface, declarations only: the logic is in the core, the plain-JS API in api.js.
#include <emscripten/bind.h>

#include "core/catalogue.hpp"
#include "wasm/heap_api.hpp"

EMSCRIPTEN_BINDINGS(activation_lab) {
  using namespace emscripten;
  function("rawCatalogueJson", &alab::catalogue_json);
  function("rawCheck", &alab::heap::check);
  function("rawNeuron", &alab::heap::neuron);
}

// Softmax over a vector with a temperature.
EMSCRIPTEN_BINDINGS(softmax) {
  using namespace emscripten;
  function("rawSoftmaxCheck", &alab::heap::softmax_check);
  function("rawSoftmax", &alab::heap::softmax);
}

// The demos: training network, toy datasets, gradients by depth, output histograms.
#include "network_heap_api.hpp"

EMSCRIPTEN_BINDINGS(network) {
  using namespace emscripten;
  using namespace alab::heap;
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
  emscripten::function("rawTorchRandn", &alab::heap::torch_randn);
}

// Number formats: rounding to float32, bfloat16, float16, and where it changes an activation.
#include "wasm/format_heap_api.hpp"

EMSCRIPTEN_BINDINGS(number_formats) {
  using namespace emscripten;
  function("rawFormatOptionsJson", &alab::heap::format_options_json);
  function("rawRoundValues", &alab::heap::round_values);
  function("rawMarkersCheck", &alab::heap::markers_check);
  function("rawMarkers", &alab::heap::markers);
}
