// The catalogue as JSON, for the JS wrapper, the docs and the reference generator. Kept apart from the
// table so the module can build it for size (it runs once per page) while the kernels build for speed.
#include <string>

#include "core/catalogue.hpp"
#include "json.hpp"

namespace alab {

using json::append_key;
using json::append_number;
using json::append_string;

std::string catalogue_json() {
  std::string out = "[";
  for (const FnInfo& row : catalogue()) {
    if (out.size() > 1) out += ',';
    out += '{';
    append_key(out, "id"), append_string(out, row.id), out += ',';
    append_key(out, "index"), append_number(out, static_cast<double>(row.fn)), out += ',';
    append_key(out, "name"), append_string(out, row.name), out += ',';
    append_key(out, "group"), append_string(out, row.group), out += ',';
    append_key(out, "articleOrder"), append_number(out, row.article_order), out += ',';
    append_key(out, "params"), out += '[';
    for (std::size_t i = 0; i < row.param_count(); ++i) {
      const Param& p = row.params[i];
      if (i) out += ',';
      out += '{';
      append_key(out, "name"), append_string(out, p.name), out += ',';
      append_key(out, "default"), append_number(out, p.def), out += ',';
      append_key(out, "min"), append_number(out, p.min), out += ',';
      append_key(out, "max"), append_number(out, p.max), out += ',';
      append_key(out, "step"), append_number(out, p.step);
      out += '}';
    }
    out += "],";
    append_key(out, "orderedParams"), out += '[';
    bool first_order = true;
    for (const ParamOrder& order : row.ordered) {
      if (order.lower < 0) continue;
      if (!first_order) out += ',';
      first_order = false;
      out += '[', append_string(out, row.params[order.lower].name), out += ',';
      append_string(out, row.params[order.upper].name), out += ']';
    }
    out += "],";
    append_key(out, "range"), out += '[', append_number(out, row.lo), out += ',',
        append_number(out, row.hi), out += "],";
    append_key(out, "tex"), append_string(out, row.tex), out += ',';
    append_key(out, "texDerivative"), append_string(out, row.tex_derivative), out += ',';
    append_key(out, "outputRange"), append_string(out, row.output_range), out += ',';
    append_key(out, "monotonic"), out += row.monotonic ? "true," : "false,";
    append_key(out, "zeroCentred"), out += row.zero_centred ? "true," : "false,";
    append_key(out, "smoothness"), append_string(out, to_string(row.smoothness)), out += ',';
    append_key(out, "saturation"), append_string(out, to_string(row.saturation)), out += ',';
    append_key(out, "identityNearZero"), out += row.identity_near_zero ? "true," : "false,";
    append_key(out, "use"), append_string(out, row.use), out += ',';
    append_key(out, "torchModule"), append_string(out, row.torch_module), out += ',';
    append_key(out, "torchFunctional"), append_string(out, row.torch_functional), out += ',';
    append_key(out, "otherDefaults"), out += '[';
    bool first = true;
    for (const OtherDefault& d : row.other_defaults) {
      if (!d.framework) continue;
      if (!first) out += ',';
      first = false;
      out += '{';
      append_key(out, "framework"), append_string(out, d.framework), out += ',';
      append_key(out, "api"), append_string(out, d.api), out += ',';
      append_key(out, "differs"), append_string(out, d.differs);
      out += '}';
    }
    out += "]}";
  }
  out += ']';
  return out;
}

}  // namespace alab
