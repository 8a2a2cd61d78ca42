// libFuzzer target over the formula language (expression.hpp): arbitrary text is compiled; a program is
// evaluated, values and dual numbers, over arbitrary inputs and parameters, through the heap entry points
// as the module calls them. Besides the sanitizers' checks it traps on broken promises: an error outside
// the text (or past the limits), a program that needs more stack than it reserved, evaluation in blocks
// that disagrees with evaluation point by point, JSON that is not an object.
#include <fuzzer/FuzzedDataProvider.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "core/expression.hpp"
#include "wasm/expression_heap_api.hpp"

namespace {

void require(bool promise) {
  if (!promise) __builtin_trap();
}

bool same(double a, double b) { return (std::isnan(a) && std::isnan(b)) || std::memcmp(&a, &b, sizeof a) == 0; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  const std::string text = in.ConsumeRandomLengthString(1200);
  const alab::expr::Compiled compiled = alab::expr::compile(text);
  const std::string json = alab::expr::to_json(compiled);
  require(json.size() >= 2 && json.front() == '{' && json.back() == '}');
  if (const auto* e = std::get_if<alab::expr::Error>(&compiled)) {
    require(e->code != alab::expr::ErrorCode::none && e->code != alab::expr::ErrorCode::count);
    require(e->position <= text.size() && e->length >= 1);
    return 0;
  }
  const auto& program = *std::get<std::shared_ptr<alab::expr::Program>>(compiled);
  require(text.size() <= alab::expr::kMaxLength);
  require(program.params().size() <= alab::expr::kMaxParams);
  require(program.stack_depth() <= program.code().size());
  std::vector<double> params(program.params().size());
  for (double& p : params) p = in.ConsumeFloatingPoint<double>();
  const std::size_t n = in.ConsumeIntegralInRange<std::size_t>(0, 300);  // past one block of 256
  std::vector<double> xs(n), v(n), d(n), v_only(n);
  for (double& x : xs) x = in.remaining_bytes() ? in.ConsumeFloatingPoint<double>() : 0.5;
  program.evaluate_dual(xs.data(), v.data(), d.data(), n, params.data());
  program.evaluate(xs.data(), v_only.data(), n, params.data());
  for (std::size_t i = 0; i < n; ++i) {
    require(same(v[i], v_only[i]));
    if (i % 97 == 0) {
      require(same(program.value_at(xs[i], params.data()), v[i]));
      require(same(program.derivative_at(xs[i], params.data()), d[i]));
    }
  }
  // The module's path: the handle table, never more than kMaxPrograms programs (one run in eight: it
  // compiles the text again).
  if (text.size() % 8 != 0) return 0;
  const std::string with_handle = alab::heap::expr_compile(text);
  require(with_handle.rfind("{\"handle\":", 0) == 0);
  require(alab::heap::expr_count() <= alab::heap::kMaxPrograms);
  return 0;
}
