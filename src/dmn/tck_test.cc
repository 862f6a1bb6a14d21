#include <string>

#include <gtest/gtest.h>

#include "dmn/tck_file.h"
#include "dmn/tck_runner.h"
#include "dmn/tck_values.h"

namespace proaktiv::dmn {
namespace {

constexpr char kTestFile[] = R"(<?xml version="1.0"?>
<tc:testCases xmlns:tc="http://www.omg.org/spec/DMN/20160719/testcase"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <tc:modelName>m.dmn</tc:modelName>
  <tc:testCase id="c1" type="decisionService" invocableName="Svc">
    <tc:inputNode name="p">
      <tc:component name="name"><tc:value xsi:type="xsd:string">Kari</tc:value></tc:component>
      <tc:component name="born"><tc:value xsi:type="xsd:date">2020-02-29</tc:value></tc:component>
      <tc:component name="gone"><tc:value xsi:nil="true"/></tc:component>
    </tc:inputNode>
    <tc:inputNode name="blank"><tc:value xsi:type="xsd:string"> </tc:value></tc:inputNode>
    <tc:resultNode name="r" errorResult="true"><tc:expected><tc:value xsi:nil="true"/></tc:expected></tc:resultNode>
    <tc:resultNode name="l"><tc:expected><tc:list>
      <tc:item><tc:value xsi:type="xsd:decimal">1.50</tc:value></tc:item>
      <tc:item><tc:value xsi:type="xsd:duration">P1Y2M</tc:value></tc:item>
    </tc:list></tc:expected></tc:resultNode>
  </tc:testCase>
</tc:testCases>)";

TEST(TckFileTest, ParsesPrefixedFileWithAllValueShapes) {
  auto file = ParseTckTestFile(kTestFile, "x-test-01.xml");
  ASSERT_TRUE(file) << file.error().ToString();
  EXPECT_EQ(file->model_name, "m.dmn");
  ASSERT_EQ(file->cases.size(), 1u);
  const TckTestCase& c = file->cases[0];
  EXPECT_EQ(c.type, "decisionService");
  EXPECT_EQ(c.invocable_name, "Svc");
  ASSERT_EQ(c.inputs.size(), 2u);
  EXPECT_EQ(TckToFeel(c.inputs[0].value).DebugString(),
            "{name: \"Kari\", born: 2020-02-29, gone: null}");
  EXPECT_EQ(TckToFeel(c.inputs[1].value).DebugString(), "\" \"");
  ASSERT_EQ(c.results.size(), 2u);
  EXPECT_TRUE(c.results[0].error_result);
  ASSERT_TRUE(c.results[1].expected);
  std::string why;
  feel::List items{feel::Value::Num(*feel::Number::Parse("1.5")),
                   TckToFeel(c.results[1].expected->items[1])};
  EXPECT_TRUE(TckMatches(*c.results[1].expected, feel::Value::FromList(items), &why)) << why;
  items.pop_back();
  EXPECT_FALSE(TckMatches(*c.results[1].expected, feel::Value::FromList(items), &why));
}

TckValue Decimal(const std::string& text) {
  TckValue v;
  v.kind = TckValue::Kind::kSimple;
  v.xsd_type = "decimal";
  v.text = text;
  return v;
}

TEST(TckValuesTest, NumberComparisonPrecision) {
  auto num = [](const char* text) { return feel::Value::Num(*feel::Number::Parse(text)); };
  std::string why;
  EXPECT_TRUE(TckMatches(Decimal("54.59815003"), num("54.59815003314423907811026120286088"), &why));
  EXPECT_TRUE(TckMatches(Decimal("2778.69354943277"), num("2778.693549432766768088520383"), &why));
  EXPECT_TRUE(TckMatches(Decimal("1.0"), num("1"), &why));
  EXPECT_FALSE(TckMatches(Decimal("1"), num("1.4"), &why));
  EXPECT_FALSE(TckMatches(Decimal("0.33"), num("0.333"), &why));
  EXPECT_FALSE(
      TckMatches(Decimal("54.59815004"), num("54.59815003314423907811026120286088"), &why));
}

TEST(TckRunnerTest, CsvQuotesAndSummary) {
  TckSummary summary;
  summary.cases.push_back({"f", "t", "1", TckOutcome::kSuccess, "say \"hi\"", false});
  summary.positive_passed = 1;
  summary.error_failed = 2;
  summary.ignored = 3;
  EXPECT_EQ(TckResultsCsv(summary), "\"f\",\"t\",\"1\",\"SUCCESS\",\"say \"\"hi\"\"\"\n");
  EXPECT_EQ(TckSummaryText(summary),
            "positive: 1 passed, 0 failed; error-expecting: 0 passed, 2 failed\n"
            "1 passed, 2 failed, 3 skipped\n");
}

// Compliance level 2 of the DMN TCK: every case must pass.
TEST(TckRunnerTest, ComplianceLevel2) {
  auto summary =
      RunTckFolder(std::string(PROAKTIV_SHARED_DIR) + "/dmn-tck/TestCases/compliance-level-2");
  ASSERT_TRUE(summary) << summary.error().ToString();
  for (const TckCaseResult& c : summary->cases) {
    EXPECT_NE(c.outcome, TckOutcome::kError) << c.folder << " " << c.case_id << ": " << c.detail;
  }
  EXPECT_GT(summary->passed(), 0);
}

// Compliance level 3: a floor that may only go up (raise it when more cases pass). Only Java
// external functions are IGNORED.
TEST(TckRunnerTest, ComplianceLevel3Floor) {
  constexpr int kMinPassed = 2396;
  auto summary =
      RunTckFolder(std::string(PROAKTIV_SHARED_DIR) + "/dmn-tck/TestCases/compliance-level-3");
  ASSERT_TRUE(summary) << summary.error().ToString();
  EXPECT_GE(summary->passed(), kMinPassed);
  for (const TckCaseResult& c : summary->cases) {
    if (c.outcome == TckOutcome::kIgnored) {
      EXPECT_NE(c.detail.find("external"), std::string::npos) << c.case_id << ": " << c.detail;
    }
  }
}

}  // namespace
}  // namespace proaktiv::dmn
