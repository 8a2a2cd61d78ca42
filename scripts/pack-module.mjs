// Rewrites Emscripten's single-file module so its WebAssembly travels deflated (see src/js/module-loader.js):
// the base64 data URI Emscripten writes is emptied and the loader, holding base64(deflate(wasm)), appended.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

const DATA_URI = /data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)/g;

export function packModule(source, root) {
  const found = [...source.matchAll(DATA_URI)];
  if (found.length !== 1) throw new Error(`pack-module: expected one embedded wasm in the module, found ${found.length}`);
  const wasm = Buffer.from(found[0][1], 'base64');
  if (wasm.readUInt32BE(0) !== 0x0061736d) throw new Error('pack-module: the embedded data is not WebAssembly');
  const packed = deflateSync(wasm, { level: 9 }).toString('base64');
  const loader = readFileSync(path.join(root, 'src', 'js', 'module-loader.js'), 'utf8');
  if (!loader.includes("'@PACKED_WASM@'")) throw new Error('pack-module: src/js/module-loader.js lost its placeholder');
  // Emscripten skips the data URI when it is given the bytes as wasmBinary; an empty one keeps it a data URI.
  const emptied = source.replace(found[0][0], 'data:application/octet-stream;base64,');
  return `${emptied}\n${loader.replace("'@PACKED_WASM@'", () => `'${packed}'`)}`;
}
