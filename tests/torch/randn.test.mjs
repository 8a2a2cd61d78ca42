// lab.randn(n, seed) against torch.manual_seed(seed); torch.randn(n) run by PyTorch itself: both paths
// (n < 16: double Box–Muller; n ≥ 16: blocks of 16 with the last one redrawn), many seeds, sizes around 16
// and its multiples, and seeds at the ends of torch.manual_seed's range.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { loadLab } from '../wasm/load.mjs';
import { askTorch, bitsOf } from './pytorch.mjs';

const lab = await loadLab();

const sizes = [...Array.from({ length: 20 }, (_, i) => i + 1), 31, 32, 33, 47, 48, 49, 63, 64, 65, 100, 255, 256,
  257, 1000, 1001];
const seeds = [...Array.from({ length: 30 }, (_, i) => BigInt(i)), 2n ** 31n - 1n, 2n ** 32n, 2n ** 32n + 1n,
  2n ** 53n - 1n, -(2n ** 53n - 1n), -1n, -2n, -(2n ** 63n), 2n ** 63n, 2n ** 64n - 1n, 67280421310721n];
const cases = seeds.flatMap((seed) => sizes.map((n) => [seed, n]));
const request = { task: 'randn', cases: cases.map(([seed, n]) => [seed.toString(), n]) };

// A seed as a JS number where it is one exactly (what page code passes), else as a BigInt.
const seedArg = (seed) => (seed >= -(2n ** 53n) && seed <= 2n ** 53n ? Number(seed) : seed);

// Distance in units of 2^-23·max(|x|, 1): ulps for |x| ≥ 1, a fixed absolute step below (where sin/cos
// near their zeros make ulps of the value meaningless).
const distance = (a, b) => Math.abs(a - b) / (2 ** -23 * Math.max(Math.abs(b), 1));

test('randn matches PyTorch bit for bit (the AVX2 kernel PyTorch uses on this CPU, and n < 16 everywhere)', (t) => {
  const [{ capability }, torch] = askTorch([{ task: 'info' }, request]);
  let values = 0;
  cases.forEach(([seed, n], c) => {
    const ours = bitsOf(lab.randn(n, seedArg(seed)));
    if (n < 16 || capability === 'AVX2') {
      assert.deepEqual(ours, torch[c], `torch.manual_seed(${seed}); torch.randn(${n})`);
    }
    values += n;
  });
  t.diagnostic(`${cases.length} cases, ${values} values; PyTorch's CPU kernel here: ${capability}`);
});

test('randn for n ≥ 16 stays within 16 steps of PyTorch\'s portable kernel, which CPUs without AVX2 run', (t) => {
  const [torch] = askTorch([request], { ATEN_CPU_CAPABILITY: 'default' });
  let worst = 0;
  let differ = 0;
  let values = 0;
  cases.forEach(([seed, n], c) => {
    const ours = lab.randn(n, seedArg(seed));
    const theirs = new Float32Array(Int32Array.from(torch[c]).buffer);
    ours.forEach((x, i) => {
      const d = distance(x, theirs[i]);
      if (n < 16) assert.equal(x, theirs[i], `n < 16 takes the same double path: seed ${seed}, n ${n}, [${i}]`);
      worst = Math.max(worst, d);
      if (d) differ += 1;
      values += 1;
    });
  });
  // PyTorch's two kernels differ by this much themselves: the portable one rounds 2π·u in double, the AVX2 one
  // in float32, so θ differs by up to half an ulp, which the radius (up to ~6) magnifies.
  t.diagnostic(`${differ} of ${values} values differ from the portable kernel, by at most ${worst} steps of 2^-23·max(|x|, 1)`);
  assert.ok(worst <= 16, `worst ${worst}`);
});

test('randn takes every seed torch.manual_seed takes, and rejects the rest with a clear error', () => {
  assert.deepEqual(lab.randn(20, -1), lab.randn(20, 2n ** 64n - 1n), 'a negative seed s is 2^64 + s, as in PyTorch');
  assert.deepEqual(lab.randn(20, 2 ** 32 + 5), lab.randn(20, 5), 'the engine keeps the low 32 bits');
  assert.equal(lab.randn(0, 1).length, 0);
  for (const seed of [2n ** 64n, -(2n ** 63n) - 1n]) assert.throws(() => lab.randn(3, seed), /-2\^63 to 2\^64 - 1/);
  for (const seed of [1.5, NaN, Infinity, '1', null, undefined]) assert.throws(() => lab.randn(3, seed), /seed/);
  for (const n of [-1, 1.5, NaN, '3', 1e8]) assert.throws(() => lab.randn(n, 0), /n must be a whole number/);
});
