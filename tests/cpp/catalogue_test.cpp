// The catalogue table itself: every row complete and consistent, lookups and parameter checks.
#include "core/catalogue.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <cmath>
#include <limits>
#include <set>
#include <utility>
#include <ostream>
#include <string>

namespace alab {
// Test names and failure messages show the id, not the row's bytes.
void PrintTo(const FnInfo& row, std::ostream* os) { *os << row.id; }
}  // namespace alab

namespace {

using alab::catalogue;
using alab::FnInfo;

std::string row_name(const testing::TestParamInfo<FnInfo>& info) { return info.param.id; }

class CatalogueRow : public testing::TestWithParam<FnInfo> {};

TEST_P(CatalogueRow, IdIsSnakeCaseAndFindsItsRow) {
  const FnInfo& row = GetParam();
  const std::string id = row.id;
  ASSERT_FALSE(id.empty());
  for (char c : id) EXPECT_TRUE(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_') << id;
  const auto found = alab::find_fn(id);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(*found, row.fn);
  EXPECT_STREQ(alab::info(*found).id, row.id);
}

TEST_P(CatalogueRow, HasEverythingThePageShows) {
  const FnInfo& row = GetParam();
  EXPECT_NE(std::string(row.name), "");
  EXPECT_NE(std::string(row.tex), "");
  EXPECT_NE(std::string(row.tex_derivative), "");
  EXPECT_NE(std::string(row.output_range), "");
  EXPECT_NE(std::string(row.use), "");
  EXPECT_NE(std::string(row.torch_module), "");
  const std::set<std::string> groups = {"linear", "relu", "smooth", "saturating", "hard", "shrink"};
  EXPECT_TRUE(groups.count(row.group)) << row.group;
  EXPECT_LT(row.lo, row.hi);
  EXPECT_LE(row.lo, 0.0);
  EXPECT_GE(row.hi, 0.0);
  const alab::Kernels& k = row.kernels;
  EXPECT_TRUE(k.value && k.derivative && k.value_f64 && k.derivative_f64 && k.value_f32 && k.derivative_f32);
}

TEST_P(CatalogueRow, DefaultsLieInTheirRangesAndPassTheCheck) {
  const FnInfo& row = GetParam();
  for (std::size_t i = 0; i < row.param_count(); ++i) {
    const alab::Param& p = row.params[i];
    EXPECT_LT(p.min, p.max) << p.name;
    EXPECT_GE(p.def, p.min) << p.name;
    EXPECT_LE(p.def, p.max) << p.name;
    EXPECT_GT(p.step, 0.0) << p.name;
  }
  double params[alab::kMaxParams];
  alab::default_params(row.fn, params);
  EXPECT_EQ(alab::check_params(row.fn, params), "");
}

TEST_P(CatalogueRow, RejectsParametersOutsideTheirRange) {
  const FnInfo& row = GetParam();
  for (std::size_t i = 0; i < row.param_count(); ++i) {
    const alab::Param& p = row.params[i];
    for (double bad : {p.min - 1.0, p.max + 1.0, std::numeric_limits<double>::quiet_NaN(),
                       std::numeric_limits<double>::infinity()}) {
      double params[alab::kMaxParams];
      alab::default_params(row.fn, params);
      params[i] = bad;
      const std::string message = alab::check_params(row.fn, params);
      EXPECT_NE(message.find(p.name), std::string::npos) << row.id << " accepted " << p.name << "=" << bad;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(All, CatalogueRow, testing::ValuesIn(catalogue().begin(), catalogue().end()), row_name);

TEST(Catalogue, IdsAreUniqueAndTheArticlesFourComeInItsOrder) {
  std::set<std::string> ids;
  std::string article[5];
  for (const FnInfo& row : catalogue()) {
    EXPECT_TRUE(ids.insert(row.id).second) << "duplicate id " << row.id;
    ASSERT_GE(row.article_order, 0);
    ASSERT_LE(row.article_order, 4);
    if (row.article_order) {
      EXPECT_EQ(article[row.article_order], "") << "two rows share article_order " << row.article_order;
      article[row.article_order] = row.id;
    }
  }
  EXPECT_EQ(article[1], "relu");
  EXPECT_EQ(article[2], "sigmoid");
  EXPECT_EQ(article[3], "tanh");
  EXPECT_EQ(article[4], "leaky_relu");
}

TEST(Catalogue, SeedRangesFollowTheArticle) {
  const auto range = [](const char* id) {
    const FnInfo& row = alab::info(*alab::find_fn(id));
    return std::pair{row.lo, row.hi};
  };
  EXPECT_EQ(range("relu"), std::pair(-5.0, 5.0));
  EXPECT_EQ(range("sigmoid"), std::pair(-5.0, 5.0));
  EXPECT_EQ(range("tanh"), std::pair(-6.0, 6.0));
  EXPECT_EQ(range("leaky_relu"), std::pair(-6.0, 6.0));
}

TEST(Catalogue, PyTorchDefaults) {
  const auto def = [](const char* id, std::size_t i) { return alab::info(*alab::find_fn(id)).params[i].def; };
  EXPECT_EQ(def("leaky_relu", 0), 0.01);
  EXPECT_EQ(def("elu", 0), 1.0);
  EXPECT_EQ(def("celu", 0), 1.0);
  EXPECT_EQ(def("softplus", 0), 1.0);
  EXPECT_EQ(def("softplus", 1), 20.0);
  EXPECT_EQ(def("hardtanh", 0), -1.0);
  EXPECT_EQ(def("hardtanh", 1), 1.0);
  EXPECT_EQ(def("prelu", 0), 0.25);
  EXPECT_EQ(def("rrelu", 0), 1.0 / 8);  // torch.nn.RReLU(lower=1/8, upper=1/3)
  EXPECT_EQ(def("rrelu", 1), 1.0 / 3);
  EXPECT_EQ(def("softshrink", 0), 0.5);
  EXPECT_EQ(def("hardshrink", 0), 0.5);
}

TEST(Catalogue, UnknownIdsAreNotFound) {
  for (const char* id : {"", "ReLU", "relu ", "swish", "<script>"}) EXPECT_FALSE(alab::find_fn(id).has_value()) << id;
}

TEST(Catalogue, HardtanhNeedsMinBelowMax) {
  const alab::Fn fn = alab::Fn::hardtanh;
  const double equal[] = {0.5, 0.5};
  const double crossed[] = {1.0, -1.0};
  EXPECT_NE(alab::check_params(fn, equal).find("max_val"), std::string::npos);
  EXPECT_NE(alab::check_params(fn, crossed).find("max_val"), std::string::npos);
}

// Every declared order names two of the row's parameters, holds at the defaults, and is what the checks enforce:
// swapping the pair's defaults is refused with a message naming both.
TEST(Catalogue, DeclaredParameterOrdersAreEnforced) {
  std::size_t declared = 0;
  for (const FnInfo& row : catalogue()) {
    for (const alab::ParamOrder& order : row.ordered) {
      if (order.lower < 0) continue;
      ++declared;
      ASSERT_LT(static_cast<std::size_t>(order.upper), row.param_count()) << row.id;
      ASSERT_NE(order.lower, order.upper) << row.id;
      double params[alab::kMaxParams];
      alab::default_params(row.fn, params);
      EXPECT_TRUE(alab::params_valid(row.fn, params)) << row.id;
      std::swap(params[order.lower], params[order.upper]);
      const std::string message = alab::check_params(row.fn, params);
      EXPECT_NE(message.find(row.params[order.lower].name), std::string::npos) << message;
      EXPECT_NE(message.find(row.params[order.upper].name), std::string::npos) << message;
      EXPECT_FALSE(alab::params_valid(row.fn, params)) << row.id;
    }
  }
  EXPECT_EQ(declared, 2u) << "hardtanh's min_val < max_val and rrelu's lower < upper are the catalogue's orders today";
  EXPECT_NE(alab::catalogue_json().find(R"("orderedParams":[["min_val","max_val"]])"), std::string::npos);
  EXPECT_NE(alab::catalogue_json().find(R"("orderedParams":[["lower","upper"]])"), std::string::npos);
}

TEST(Catalogue, JsonNamesEveryRowAndEscapesTex) {
  const std::string json = alab::catalogue_json();
  ASSERT_EQ(json.front(), '[');
  ASSERT_EQ(json.back(), ']');
  for (const FnInfo& row : catalogue()) EXPECT_NE(json.find("\"id\":\"" + std::string(row.id) + "\""), std::string::npos);
  EXPECT_NE(json.find("\\\\max(0, x)"), std::string::npos) << "TeX backslashes must be escaped";
}

}  // namespace
