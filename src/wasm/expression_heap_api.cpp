#include "expression_heap_api.hpp"

#include <deque>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/catalogue.hpp"
#include "core/expression.hpp"
#include "core/expression_properties.hpp"
#include "json.hpp"

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

void append_bool(std::string& out, const char* key, bool v) {
  json::append_key(out, key);
  out += v ? "true," : "false,";
}

void append_points(std::string& out, const char* key, const std::vector<double>& points) {
  json::append_key(out, key);
  out += '[';
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (i) out += ',';
    json::append_extended(out, points[i]);
  }
  out += "],";
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

std::string expr_properties(int handle, Address params) {
  const expr::Program* p = find(handle);
  if (!p || (!p->params().empty() && !params)) return "{\"ok\":false}";
  const expr::Properties r = expr::analyse(*p, at<const double>(params));
  using json::append_key;
  std::string out = "{\"ok\":true,\"range\":{\"lo\":";
  json::append_extended(out, r.lo);
  out += ",\"hi\":";
  json::append_extended(out, r.hi);
  out += ',';
  append_bool(out, "loAttained", r.lo_attained);
  out += "\"hiAttained\":";
  out += r.hi_attained ? "true" : "false";
  out += "},\"limits\":{\"negative\":";
  json::append_extended(out, r.limit_negative);
  out += ",\"positive\":";
  json::append_extended(out, r.limit_positive);
  out += "},";
  append_bool(out, "monotonic", r.monotonic);
  append_bool(out, "zeroCentred", r.zero_centred);
  append_key(out, "smoothness"), json::append_string(out, to_string(r.smoothness)), out += ',';
  append_points(out, "jumps", r.jumps);
  append_points(out, "kinks", r.kinks);
  append_points(out, "bends", r.bends);
  append_key(out, "saturation"), json::append_string(out, to_string(r.saturation)), out += ',';
  append_bool(out, "identityNearZero", r.identity_near_zero);
  append_key(out, "undefinedWhere"), out += '[';
  for (std::size_t i = 0; i < r.undefined_where.size(); ++i) {
    if (i) out += ',';
    out += '[';
    json::append_extended(out, r.undefined_where[i].lo);
    out += ',';
    json::append_extended(out, r.undefined_where[i].hi);
    out += ']';
  }
  out += "],";
  append_key(out, "closest");
  if (r.closest) {
    out += "{\"id\":";
    json::append_string(out, info(*r.closest).id);
    out += ",\"distance\":";
    json::append_extended(out, r.closest_distance);
    out += '}';
  } else {
    out += "null";
  }
  return out + '}';
}

}  // namespace alab::wasm
