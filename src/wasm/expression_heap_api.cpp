#include "expression_heap_api.hpp"

#include <deque>
#include <memory>
#include <utility>

#include "core/expression.hpp"

namespace alab::wasm {
namespace {

struct Entry {
  int handle;
  std::shared_ptr<expr::Program> program;
};

// Oldest first.
std::deque<Entry>& table() {
  static std::deque<Entry> t;
  return t;
}
int next_handle = 1;

const expr::Program* find(int handle) {
  for (const Entry& e : table())
    if (e.handle == handle) return e.program.get();
  return nullptr;
}

}  // namespace

std::string expr_compile(const std::string& text) {
  expr::Compiled compiled = expr::compile(text);
  std::string json = expr::to_json(compiled);
  if (auto* p = std::get_if<std::shared_ptr<expr::Program>>(&compiled)) {
    if (table().size() >= kMaxPrograms) table().pop_front();
    const int handle = next_handle;
    next_handle = next_handle == 0x3fffffff ? 1 : next_handle + 1;
    table().push_back(Entry{handle, std::move(*p)});
    json.insert(1, "\"handle\":" + std::to_string(handle) + ",");
  }
  return json;
}

std::string expr_info_json() {
  std::string s = "{\"maxLength\":" + std::to_string(expr::kMaxLength) + ",\"maxDepth\":" +
                  std::to_string(expr::kMaxDepth) + ",\"maxParams\":" + std::to_string(expr::kMaxParams) +
                  ",\"paramDefault\":" + std::to_string(expr::kParamDefault) + ",\"paramMin\":" +
                  std::to_string(expr::kParamMin) + ",\"paramMax\":" + std::to_string(expr::kParamMax) +
                  ",\"functions\":[";
  bool first = true;
  for (const std::string& name : expr::function_names()) {
    if (!first) s += ',';
    first = false;
    s += '"' + name + '"';  // [a-z0-9_] only
  }
  return s + "]}";
}

bool expr_release(int handle) {
  auto& t = table();
  for (auto it = t.begin(); it != t.end(); ++it) {
    if (it->handle == handle) {
      t.erase(it);
      return true;
    }
  }
  return false;
}

std::shared_ptr<const expr::Program> expr_program(int handle) {
  for (const Entry& e : table())
    if (e.handle == handle) return e.program;
  return nullptr;
}

bool expr_alive(int handle) { return find(handle) != nullptr; }

std::uint32_t expr_count() { return static_cast<std::uint32_t>(table().size()); }

bool expr_evaluate(int handle, Address xs, Address value, Address derivative, std::uint32_t n, Address params) {
  const expr::Program* p = find(handle);
  if (!p || (n && (!xs || (!value && !derivative))) || (!p->params().empty() && !params)) return false;
  const auto* in = reinterpret_cast<const double*>(xs);
  const auto* ps = reinterpret_cast<const double*>(params);
  if (derivative) p->evaluate_dual(in, reinterpret_cast<double*>(value), reinterpret_cast<double*>(derivative), n, ps);
  else p->evaluate(in, reinterpret_cast<double*>(value), n, ps);
  return true;
}

}  // namespace alab::wasm
