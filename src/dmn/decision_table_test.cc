#include "dmn/decision_table.h"

#include <string>

#include <gtest/gtest.h>

#include "dmn/dmn_model.h"
#include "dmn/xml_loader.h"

namespace proaktiv::dmn {
namespace {

using feel::Value;

// A model with input data `x` (number) and one decision `D` holding `table_xml`.
std::shared_ptr<const DmnModel> TableModel(const std::string& table_xml) {
  std::string xml = R"(<definitions xmlns="https://www.omg.org/spec/DMN/20230324/MODEL/"
      name="t" namespace="urn:t">
    <inputData id="i_x" name="x"><variable name="x" typeRef="number"/></inputData>
    <decision id="d" name="D"><variable name="D"/>
      <informationRequirement><requiredInput href="#i_x"/></informationRequirement>
      )" + table_xml +
                    R"(</decision></definitions>)";
  auto defs = LoadDefinitionsFromString(xml, "t.dmn");
  EXPECT_TRUE(defs) << defs.error().ToString();
  auto model = DmnModel::Compile(std::move(*defs), {});
  EXPECT_TRUE(model);
  EXPECT_TRUE((*model)->problems().empty()) << (*model)->problems()[0];
  return *model;
}

// Rules: x > 0 → "pos", x > 10 → "big", x = 5 → "five"; outputs ranked big, five, pos.
std::string Table(const std::string& policy, const std::string& extra = "") {
  return R"(<decisionTable hitPolicy=")" + policy + "\" " + extra + R"(>
    <input id="in"><inputExpression typeRef="number"><text>x</text></inputExpression></input>
    <output id="out" typeRef="string"><outputValues><text>"big", "five", "pos"</text></outputValues></output>
    <rule id="r_pos"><inputEntry><text>&gt; 0</text></inputEntry><outputEntry><text>"pos"</text></outputEntry></rule>
    <rule id="r_big"><inputEntry><text>&gt; 10</text></inputEntry><outputEntry><text>"big"</text></outputEntry></rule>
    <rule id="r_five"><inputEntry><text>5</text></inputEntry><outputEntry><text>"five"</text></outputEntry></rule>
  </decisionTable>)";
}

Value Eval(const DmnModel& model, int x, std::vector<std::string>* messages = nullptr) {
  auto out = model.EvaluateDecision("D", {{"x", Value::Int(x)}});
  EXPECT_TRUE(out);
  if (messages) *messages = out->messages;
  return out->value;
}

TEST(DecisionTableTest, Unique) {
  auto model = TableModel(Table("UNIQUE"));
  EXPECT_EQ(Eval(*model, 1).DebugString(), "\"pos\"");
  std::vector<std::string> messages;
  EXPECT_TRUE(Eval(*model, 11, &messages).is_null());
  ASSERT_FALSE(messages.empty());
  EXPECT_NE(messages[0].find("r_pos"), std::string::npos) << messages[0];
  EXPECT_TRUE(Eval(*model, -1).is_null());
}

TEST(DecisionTableTest, AnyFirstPriority) {
  EXPECT_TRUE(Eval(*TableModel(Table("ANY")), 11).is_null());  // "pos" vs "big"
  EXPECT_EQ(Eval(*TableModel(Table("ANY")), 1).DebugString(), "\"pos\"");
  EXPECT_EQ(Eval(*TableModel(Table("FIRST")), 11).DebugString(), "\"pos\"");
  EXPECT_EQ(Eval(*TableModel(Table("PRIORITY")), 11).DebugString(), "\"big\"");
  EXPECT_EQ(Eval(*TableModel(Table("PRIORITY")), 5).DebugString(), "\"five\"");
}

TEST(DecisionTableTest, MultiHit) {
  EXPECT_EQ(Eval(*TableModel(Table("RULE ORDER")), 11).DebugString(), "[\"pos\", \"big\"]");
  EXPECT_EQ(Eval(*TableModel(Table("OUTPUT ORDER")), 11).DebugString(), "[\"big\", \"pos\"]");
  EXPECT_EQ(Eval(*TableModel(Table("COLLECT")), 5).DebugString(), "[\"pos\", \"five\"]");
  EXPECT_EQ(Eval(*TableModel(Table("COLLECT")), -5).DebugString(), "[]");
}

std::string NumberTable(const std::string& aggregation) {
  return R"(<decisionTable hitPolicy="COLLECT" aggregation=")" + aggregation + R"(">
    <input><inputExpression><text>x</text></inputExpression></input>
    <output/>
    <rule><inputEntry><text>&gt; 0</text></inputEntry><outputEntry><text>10</text></outputEntry></rule>
    <rule><inputEntry><text>&gt; 1</text></inputEntry><outputEntry><text>20</text></outputEntry></rule>
    <rule><inputEntry><text>&gt; 2</text></inputEntry><outputEntry><text>5</text></outputEntry></rule>
  </decisionTable>)";
}

TEST(DecisionTableTest, Aggregations) {
  EXPECT_EQ(Eval(*TableModel(NumberTable("SUM")), 3).DebugString(), "35");
  EXPECT_EQ(Eval(*TableModel(NumberTable("MIN")), 3).DebugString(), "5");
  EXPECT_EQ(Eval(*TableModel(NumberTable("MAX")), 3).DebugString(), "20");
  EXPECT_EQ(Eval(*TableModel(NumberTable("COUNT")), 2).DebugString(), "2");
  EXPECT_EQ(Eval(*TableModel(NumberTable("COUNT")), 0).DebugString(), "0");
  EXPECT_TRUE(Eval(*TableModel(NumberTable("SUM")), 0).is_null());
}

TEST(DecisionTableTest, MultipleOutputsAndDefaults) {
  auto model = TableModel(R"(<decisionTable>
    <input><inputExpression><text>x</text></inputExpression><inputValues><text>[0..100]</text></inputValues></input>
    <output name="a"><defaultOutputEntry><text>"none"</text></defaultOutputEntry></output>
    <output name="b"/>
    <rule><inputEntry><text>&lt; 10</text></inputEntry><outputEntry><text>"small"</text></outputEntry>
      <outputEntry><text>x * 2</text></outputEntry></rule>
  </decisionTable>)");
  EXPECT_EQ(Eval(*model, 3).DebugString(), "{a: \"small\", b: 6}");
  EXPECT_EQ(Eval(*model, 50).DebugString(), "{a: \"none\", b: null}");
  EXPECT_TRUE(Eval(*model, 500).is_null());  // outside the input values
}

TEST(DecisionTableTest, OutputOutsideOutputValuesIsNull) {
  auto model = TableModel(R"(<decisionTable>
    <input><inputExpression><text>x</text></inputExpression></input>
    <output><outputValues><text>"a", "b"</text></outputValues></output>
    <rule><inputEntry><text>-</text></inputEntry><outputEntry><text>"c"</text></outputEntry></rule>
  </decisionTable>)");
  EXPECT_TRUE(Eval(*model, 1).is_null());
}

}  // namespace
}  // namespace proaktiv::dmn
