// The formula's boundary (expression_heap_api.hpp), natively: the properties' JSON writes ±∞ and NaN in a form
// JSON can carry, reads the parameters at the address given, and refuses a handle that names no program.
#include "wasm/expression_heap_api.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

namespace {

using alab::wasm::Address;

int compile(const std::string& text) {
  const std::string json = alab::wasm::expr_compile(text);
  const std::size_t at = json.find("\"handle\":");
  if (at == std::string::npos) {
    ADD_FAILURE() << text << " → " << json;
    return 0;
  }
  return std::atoi(json.c_str() + at + 9);
}

bool has(const std::string& json, const std::string& part) { return json.find(part) != std::string::npos; }

TEST(ExpressionHeapApi, PropertiesWriteInfinityAsStringsAndNaNAsNull) {
  const std::string json = alab::wasm::expr_properties(compile("sqrt(x)"), 0);
  EXPECT_EQ(json.rfind("{\"ok\":true,", 0), 0u) << json;
  EXPECT_TRUE(has(json, "\"range\":{\"lo\":0,\"hi\":\"Infinity\",\"loAttained\":true,\"hiAttained\":false}")) << json;
  EXPECT_TRUE(has(json, "\"limits\":{\"negative\":null,\"positive\":\"Infinity\"}")) << json;
  EXPECT_TRUE(has(json, "\"undefinedWhere\":[[\"-Infinity\",0]]")) << json;
  EXPECT_TRUE(has(json, "\"smoothness\":\"Cinf\"")) << json;
  EXPECT_TRUE(has(json, "\"saturation\":\"positive\"")) << json;
  EXPECT_FALSE(has(json, "inf,") || has(json, "nan")) << json;  // printf's spellings, which JSON.parse rejects
}

TEST(ExpressionHeapApi, PropertiesListPointsAndTheClosestRow) {
  const std::string relu6 = alab::wasm::expr_properties(compile("min(max(0, x), 6)"), 0);
  EXPECT_TRUE(has(relu6, "\"kinks\":[0,6]")) << relu6;
  EXPECT_TRUE(has(relu6, "\"jumps\":[]")) << relu6;
  EXPECT_TRUE(has(relu6, "\"closest\":{\"id\":\"relu6\",\"distance\":0}")) << relu6;
  const std::string none = alab::wasm::expr_properties(compile("log(x)"), 0);
  EXPECT_TRUE(has(none, "\"closest\":null")) << none;
}

TEST(ExpressionHeapApi, PropertiesReadTheParametersAtTheAddress) {
  const int handle = compile("x * sigmoid(beta * x)");
  const double one[] = {1.0}, zero[] = {0.0};
  EXPECT_TRUE(has(alab::wasm::expr_properties(handle, reinterpret_cast<Address>(one)), "\"monotonic\":false"));
  EXPECT_TRUE(has(alab::wasm::expr_properties(handle, reinterpret_cast<Address>(zero)), "\"monotonic\":true"));
  // A formula with parameters needs their values.
  EXPECT_EQ(alab::wasm::expr_properties(handle, 0), "{\"ok\":false}");
}

TEST(ExpressionHeapApi, PropertiesRefuseAHandleThatNamesNoProgram) {
  const int handle = compile("x");
  ASSERT_TRUE(alab::wasm::expr_release(handle));
  EXPECT_EQ(alab::wasm::expr_properties(handle, 0), "{\"ok\":false}");
  EXPECT_EQ(alab::wasm::expr_properties(-1, 0), "{\"ok\":false}");
}

}  // namespace
