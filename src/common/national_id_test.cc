#include "common/national_id.h"

#include "common/csv.h"

#include <fstream>
#include <sstream>
#include <vector>

#include <gtest/gtest.h>

namespace proaktiv {
namespace {

struct Vector {
  std::string number;
  bool valid;
  bool legacy_rule;
  std::string kind;
  std::string description;
};

std::vector<Vector> LoadVectors() {
  std::ifstream in(std::string(PROAKTIV_SHARED_DIR) + "/data/fnr_test_vectors.csv");
  std::stringstream text;
  text << in.rdbuf();
  auto rows = ParseCsv(text.str());
  std::vector<Vector> out;
  for (size_t i = 1; i < rows.size(); ++i) {
    const auto& f = rows[i];
    out.push_back({f.at(0), f.at(1) == "True", f.at(2) == "True", f.at(3), f.at(5)});
  }
  return out;
}

TEST(NationalIdTest, AgreesWithEveryPublishedVector) {
  auto vectors = LoadVectors();
  ASSERT_GE(vectors.size(), 39u);
  for (const auto& v : vectors) {
    SCOPED_TRACE(v.number + " " + v.description);
    auto id = NationalId::Parse(v.number);
    ASSERT_EQ(id.has_value(), v.valid) << (id ? id->facts().Describe() : id.error().message);
    if (!id) {
      EXPECT_FALSE(id.error().message.empty());
      EXPECT_EQ(id.error().message.find(v.number), std::string::npos);
      continue;
    }
    EXPECT_EQ(id->facts().rule == ControlRule::kLegacy, v.legacy_rule);
    const IdFacts& f = id->facts();
    bool d = v.kind.rfind("D", 0) == 0;
    EXPECT_EQ(f.kind == IdKind::kDNumber, d);
    if (v.kind == "H-or-Dolly+40") {
      EXPECT_EQ(f.kind, IdKind::kHNumber);
    }
    if (v.kind.find("synthetic+80") != std::string::npos) {
      EXPECT_TRUE(f.synthetic);
    }
    if (v.kind == "F") {
      EXPECT_EQ(f.kind, IdKind::kFodselsnummer);
      EXPECT_FALSE(f.synthetic);
    }
  }
}

TEST(NationalIdTest, ExplainsEveryRejection) {
  EXPECT_EQ(NationalId::Parse("1234567890").error().message,
            "has 10 characters; an identity number has 11 digits");
  EXPECT_EQ(NationalId::Parse("1234567891A").error().message, "character 11 is not a digit");
  EXPECT_EQ(NationalId::Parse("13097248012").error().message, "control digit 1 is wrong");
  // K1 remainder 1–3 is allowed from 2032, so this one is caught by K2.
  EXPECT_EQ(NationalId::Parse("13097248032").error().message, "control digit 2 is wrong");
  EXPECT_EQ(NationalId::Parse("13097248023").error().message, "control digit 2 is wrong");
  EXPECT_EQ(NationalId::Parse("32127248022").error().message, "day 32 is not a date in 1972-12");
  EXPECT_EQ(NationalId::Parse("13137248022").error().message, "month 13 is not a month");
  EXPECT_EQ(NationalId::Parse("29020105729").error().message, "day 29 is not a date in 1901-02");
}

TEST(NationalIdTest, ReadsBirthDateCenturyAndKind) {
  auto a = NationalId::Parse("13097248022");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->facts().birth_date.ToString(), "1972-09-13");
  EXPECT_EQ(a->facts().Describe(),
            "fødselsnummer, born 1972-09-13, legacy control digits (K1 remainder 0)");
  EXPECT_EQ(NationalId::Parse("02013299997")->facts().birth_date.ToString(), "2032-01-02");
  EXPECT_EQ(NationalId::Parse("29020075838")->facts().birth_date.ToString(), "2000-02-29");
  auto d = NationalId::Parse("41819077906");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->facts().Describe(),
            "synthetic D-number, born 1990-01-01, 2032 control digits (K1 remainder " +
                std::to_string(d->facts().k1_remainder) + ")");
}

TEST(NationalIdTest, NeverPrintsTheWholeNumber) {
  auto id = *NationalId::Parse("13097248022");
  EXPECT_EQ(id.Masked(), "130972*****");
  std::ostringstream out;
  out << id;
  EXPECT_EQ(out.str(), "130972*****");
  EXPECT_EQ(fmt::format("person {}", id), "person 130972*****");
  EXPECT_EQ(id.digits(), "13097248022");
}

TEST(NationalIdTest, MakesValidSyntheticNumbers) {
  auto birth = *CivilDate::Parse("2019-05-17");
  int made = 0;
  for (int individual = 500; individual < 1000; ++individual) {
    auto id = NationalId::Make(birth, individual, IdKind::kFodselsnummer, true);
    if (!id) continue;
    ++made;
    auto again = NationalId::Parse(id->digits());
    ASSERT_TRUE(again);
    EXPECT_TRUE(again->facts().synthetic);
    EXPECT_EQ(again->facts().birth_date, birth);
    EXPECT_EQ(again->facts().rule, ControlRule::kLegacy);
  }
  EXPECT_GT(made, 350);  // about 1 in 6 individual numbers gives a control digit of 10
  EXPECT_FALSE(NationalId::Make(birth, 100, IdKind::kFodselsnummer, true));  // 1xx means 19xx
}

}  // namespace
}  // namespace proaktiv
