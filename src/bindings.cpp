// The module's surface, declarations only: the logic is in the core, the plain-JS API in api.js.
#include <emscripten/bind.h>

#include "catalogue.hpp"
#include "heap_api.hpp"

EMSCRIPTEN_BINDINGS(activation_lab) {
  using namespace emscripten;
  function("rawCatalogueJson", &alab::catalogue_json);
  function("rawCheck", &alab::heap::check);
  function("rawApplyF64", &alab::heap::apply_f64);
  function("rawApplyF32", &alab::heap::apply_f32);
  function("rawNeuron", &alab::heap::neuron);
}

// Softmax over a vector with a temperature (issue 3).
EMSCRIPTEN_BINDINGS(softmax) {
  using namespace emscripten;
  function("rawSoftmaxCheck", &alab::heap::softmax_check);
  function("rawSoftmax", &alab::heap::softmax);
}
