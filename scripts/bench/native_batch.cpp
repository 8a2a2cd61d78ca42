// Native reference for the batch benchmark: the same catalogue kernels, compiled with g++ -O3.
// Prints one JSON line per (function, type, size): {"id","type","n","nsPerElement":[...runs]}.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/catalogue.hpp"

namespace {

template <typename T, typename Apply>
std::vector<double> time_runs(std::size_t n, double lo, double hi, int runs, Apply apply) {
  std::vector<T> xs(n), out(n);
  // The range swept from end to end, every 9,973 values (a short array sweeps it once), as activations.mjs does.
  const std::size_t period = std::min<std::size_t>(n, 9973);
  for (std::size_t i = 0; i < n; ++i)
    xs[i] = static_cast<T>(lo + (hi - lo) * (static_cast<double>(i % period) / static_cast<double>(std::max<std::size_t>(1, period - 1))));
  const std::size_t reps = std::max<std::size_t>(1, 2'000'000 / n);
  std::vector<double> ns;
  for (int r = 0; r < runs; ++r) {
    const auto start = std::chrono::steady_clock::now();
    for (std::size_t k = 0; k < reps; ++k) apply(xs.data(), out.data(), n);
    const auto stop = std::chrono::steady_clock::now();
    ns.push_back(std::chrono::duration<double, std::nano>(stop - start).count() / static_cast<double>(reps * n));
  }
  volatile T sink = out[n / 2];
  (void)sink;
  return ns;
}

void print(const char* id, const char* type, std::size_t n, const std::vector<double>& ns) {
  std::printf("{\"id\":\"%s\",\"type\":\"%s\",\"n\":%zu,\"nsPerElement\":[", id, type, n);
  for (std::size_t i = 0; i < ns.size(); ++i) std::printf("%s%.5g", i ? "," : "", ns[i]);
  std::printf("]}\n");
}

}  // namespace

int main(int argc, char** argv) {
  const int runs = argc > 1 ? std::atoi(argv[1]) : 7;
  for (const alab::FnInfo& row : alab::catalogue()) {
    double params[alab::kMaxParams];
    alab::default_params(row.fn, params);
    for (std::size_t n : {std::size_t{1000}, std::size_t{1000000}}) {
      print(row.id, "float32", n, time_runs<float>(n, row.lo, row.hi, runs, [&](const float* x, float* y, std::size_t m) {
              row.kernels.value_f32(x, y, m, params);
            }));
      print(row.id, "float64", n, time_runs<double>(n, row.lo, row.hi, runs, [&](const double* x, double* y, std::size_t m) {
              row.kernels.value_f64(x, y, m, params);
            }));
    }
  }
  return 0;
}
