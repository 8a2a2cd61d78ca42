// The module's JS API, one file per area. scripts/bundle-api.mjs bundles this entry into the one script that
// Emscripten links in with --post-js: it runs inside the module factory, where Module, the HEAP views and the
// exports (_malloc, _alab_apply_f64, …) are in scope, and each area adds its functions to Module.
import './api.js';
import './api-expression.js';
import './api-formats.js';
import './api-network.js';
import './api-softmax.js';
import './api-torch.js';
