// Appended to the Emscripten output by scripts/pack-module.mjs. The build compiles the module as one file
// with the WebAssembly inside as base64, which gzip shrinks badly (69 kB for 50 kB of compressed wasm);
// here the wasm travels deflated, then base64, and is inflated in memory with the platform's
// DecompressionStream before the module starts. Still one classic script with no request of its own, so
// file://, Node's require and the strict CSP all keep working. "@PACKED_WASM@" is replaced by the build.
createActivationLab = (function (factory, packed) {
  function inflate() {
    if (typeof DecompressionStream !== 'function' || typeof Response !== 'function') {
      return Promise.reject(new Error('this browser is too old for Activation Lab (it needs DecompressionStream and ' +
        'WebAssembly SIMD: Chrome or Edge 91+, Firefox 113+, Safari 16.4+)'));
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
