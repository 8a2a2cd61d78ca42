#include "json.hpp"

#include <cmath>
#include <cstdio>

namespace alab::json {

void append_string(std::string& out, const char* s) {
  out += '"';
  for (const char* c = s ? s : ""; *c; ++c) {
    const unsigned char u = static_cast<unsigned char>(*c);
    if (*c == '"' || *c == '\\') {
      out += '\\';
      out += *c;
    } else if (u < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", u);
      out += buf;
    } else {
      out += *c;
    }
  }
  out += '"';
}

void append_number(std::string& out, double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  out += buf;
}

void append_extended(std::string& out, double v) {
  if (std::isnan(v)) out += "null";
  else if (std::isinf(v)) out += v > 0 ? "\"Infinity\"" : "\"-Infinity\"";
  else append_number(out, v);
}

void append_key(std::string& out, const char* key) {
  append_string(out, key);
  out += ':';
}

void append_names(std::string& out, const char* const* names, std::size_t count) {
  out += '[';
  for (std::size_t i = 0; i < count; ++i) {
    if (i) out += ',';
    append_string(out, names[i]);
  }
  out += ']';
}

}  // namespace alab::json
