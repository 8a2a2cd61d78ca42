// PyTorch's CPU random generator, reproduced: `torch.manual_seed(seed); torch.randn(n)` for float32, so the
// numbers on the page are the ones a student's PyTorch prints for the code shown beside them.
#pragma once

#include <cstddef>
#include <cstdint>

namespace alab::torch {

// Fills out[0..n) with what `torch.manual_seed(seed); torch.randn(n)` (float32, CPU) returns. `seed` is the
// value torch.manual_seed stores: a negative Python seed s arrives here as 2^64 + s. Only its low 32 bits
// reach the engine, as in PyTorch.
// For n < 16, each element comes from PyTorch's double-precision Box–Muller sampler (bit for bit).
// For n ≥ 16, PyTorch's vectorised fill: blocks of 16 uniforms, the last block redrawn when n is not a
// multiple of 16, with the float32 log/sin/cos of PyTorch's AVX2 kernel (bit for bit on a CPU where PyTorch
// uses AVX2; within 2 ulp of its portable kernel, which other CPUs run).
void randn(std::uint64_t seed, std::size_t n, float* out);

}  // namespace alab::torch
