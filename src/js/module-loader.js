// Appended to the Emscripten output by scripts/pack-module.mjs. The build compiles the module as one file
// with the WebAssembly inside as base64, which gzip shrinks badly (69 kB for 50 kB of compressed wasm);
// here the wasm travels deflated, then base64, and is inflated in memory with the platform's
// DecompressionStream before the module starts. Still one classic script with no request of its own, so
// file://, Node's require and the strict CSP all keep working. "@PACKED_WASM@" is replaced by the build.
createActivationLab = (function (factory, packed) {
  // The smallest module that uses a SIMD instruction (v128.const, i8x16.splat); only engines with SIMD accept it.
  var simdProbe = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0,
    65, 0, 253, 15, 253, 98, 11]);
  function supported() {
    try {
      return typeof DecompressionStream === 'function' && typeof Response === 'function' &&
        typeof WebAssembly === 'object' && WebAssembly.validate(simdProbe);
    } catch (e) {
      return false;
    }
  }
  function inflate() {
    if (!supported()) {
      var err = new Error('this browser is too old for Activation Lab (it needs DecompressionStream and ' +
        'WebAssembly SIMD: Chrome or Edge 91+, Firefox 113+, Safari 16.4+)');
      err.name = 'UnsupportedBrowserError';
      return Promise.reject(err);
    }
    var text = atob(packed);
    var bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    var stream = new Response(bytes).body.pipeThrough(new DecompressionStream('deflate'));
    return new Response(stream).arrayBuffer().then(function (buffer) { return new Uint8Array(buffer); });
  }
  // The same factory as before: createActivationLab(moduleArg?) → Promise of the module.
  return function (moduleArg) {
    return inflate().then(function (wasm) {
      return factory(Object.assign({}, moduleArg, { wasmBinary: wasm }));
    });
  };
})(createActivationLab, '@PACKED_WASM@');
if (typeof module === 'object' && module.exports) module.exports = createActivationLab;
