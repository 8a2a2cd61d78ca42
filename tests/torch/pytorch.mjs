// Runs tests/torch/torch_side.py with Debian's Python and PyTorch; one process per request.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const python = process.env.ALAB_TORCH_PYTHON || '/usr/bin/python3';
const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'torch_side.py');
const howToGet = 'the PyTorch conformance tests need PyTorch, matplotlib and mpmath for Debian\'s /usr/bin/python3: ' +
  '`npm test` installs them when run as root on Debian 12, or run `apt-get install python3-torch python3-matplotlib ' +
  'python3-mpmath` (or set ALAB_TORCH_PYTHON to another Python that has torch 1.13, matplotlib and mpmath)';

// torch_side.py's answers to `requests` (objects with a `task`), in one process; throws with what went wrong.
// `cwd` is where the scripts run (and write their figures).
export function askTorch(requests, env = {}, cwd = undefined) {
  const result = spawnSync(python, [script], {
    cwd,
    input: JSON.stringify(requests), encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, ...env },
  });
  const missing = /No module named '(\w+)'/.exec(result.stderr ?? '');
  if (missing) throw new Error(`${python} has no ${missing[1]} module; ${howToGet}`);
  if (result.error) throw new Error(`${python}: ${result.error.message}; ${howToGet}`);
  if (result.status !== 0) {
    throw new Error(`torch_side.py (${requests.map((r) => r.task).join(', ')}) failed (exit ${result.status}):\n${result.stderr.slice(-4000)}`);
  }
  return JSON.parse(result.stdout);
}

// The signed 32-bit patterns of float32 values, and back.
export const bitsOf = (values) => Array.from(new Int32Array(Float32Array.from(values).buffer));
export const floatsOf = (bits) => new Float32Array(Int32Array.from(bits).buffer);
