// The boundary's one JSON writer: the catalogue and the demos' options cross into JS as JSON text, parsed once.
#pragma once

#include <cstddef>
#include <string>

namespace alab::json {

// Appends `s` as a JSON string (quotes, backslashes and control characters escaped); null as "".
void append_string(std::string& out, const char* s);
// Appends `v` with 17 significant digits, so JS reads back the same double.
void append_number(std::string& out, double v);
// Appends `v`, or for the values JSON cannot write, the strings "Infinity" and "-Infinity" and null for NaN.
void append_extended(std::string& out, double v);
// Appends `"key":`.
void append_key(std::string& out, const char* key);
// Appends a JSON array of the `count` strings at `names`.
void append_names(std::string& out, const char* const* names, std::size_t count);

}  // namespace alab::json
