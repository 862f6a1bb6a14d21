#include "dmn/xml_loader.h"

#include <string>

#include <gtest/gtest.h>

namespace proaktiv::dmn {
namespace {

// A small model in the given namespace; `feel_prefix` is prepended to type references the way
// DMN 1.1 writes them.
std::string Model(const std::string& ns, const std::string& type_prefix) {
  return R"(<?xml version="1.0"?>
<definitions xmlns=")" +
         ns + R"(" xmlns:feel="http://www.omg.org/spec/FEEL/20140401"
    xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="defs" name="m" namespace="urn:m">
  <itemDefinition name="tAge"><typeRef>)" +
         type_prefix + R"(number</typeRef>
    <allowedValues><text>[0..150]</text></allowedValues></itemDefinition>
  <inputData id="i_age" name="Age"><variable name="Age" typeRef="tAge"/></inputData>
  <decision id="d_eligible" name="Eligible" camunda:historyTimeToLive="1">
    <extensionElements><camunda:foo/></extensionElements>
    <variable name="Eligible" typeRef=")" +
         type_prefix + R"(string"/>
    <informationRequirement><requiredInput href="#i_age"/></informationRequirement>
    <decisionTable hitPolicy="COLLECT" aggregation="SUM">
      <input id="in1"><inputExpression typeRef=")" +
         type_prefix + R"(number"><text>Age</text></inputExpression></input>
      <output id="out1" typeRef=")" +
         type_prefix + R"(number"/>
      <rule id="r1"><inputEntry><text>&gt;= 18</text></inputEntry><outputEntry><text>1</text></outputEntry></rule>
    </decisionTable>
  </decision>
</definitions>)";
}

struct VersionCase {
  const char* ns;
  const char* type_prefix;
  DmnVersion version;
};

class LoaderVersionTest : public testing::TestWithParam<VersionCase> {};

TEST_P(LoaderVersionTest, LoadsEveryVersion) {
  const VersionCase& c = GetParam();
  auto defs = LoadDefinitionsFromString(Model(c.ns, c.type_prefix), "mem.dmn");
  ASSERT_TRUE(defs) << defs.error().ToString();
  EXPECT_EQ(defs->version, c.version);
  ASSERT_EQ(defs->item_definitions.size(), 1u);
  EXPECT_EQ(defs->item_definitions[0].type_ref, "number");
  EXPECT_EQ(defs->item_definitions[0].allowed_values, "[0..150]");
  ASSERT_EQ(defs->decisions.size(), 1u);
  const Decision& d = defs->decisions[0];
  EXPECT_EQ(d.variable.type_ref, "string");
  ASSERT_EQ(d.required_inputs.size(), 1u);
  EXPECT_EQ(d.required_inputs[0].id, "i_age");
  ASSERT_TRUE(d.expression);
  const auto& table = std::get<DecisionTable>(d.expression->kind);
  EXPECT_EQ(table.hit_policy, HitPolicy::kCollect);
  EXPECT_EQ(table.aggregation, Aggregation::kSum);
  EXPECT_EQ(table.inputs[0].type_ref, "number");
  EXPECT_EQ(table.rules[0].input_entries[0], ">= 18");
}

INSTANTIATE_TEST_SUITE_P(
    Versions, LoaderVersionTest,
    testing::Values(
        VersionCase{"http://www.omg.org/spec/DMN/20151101/dmn.xsd", "feel:", DmnVersion::k11},
        VersionCase{"http://www.omg.org/spec/DMN/20180521/MODEL/", "", DmnVersion::k12},
        VersionCase{"https://www.omg.org/spec/DMN/20191111/MODEL/", "", DmnVersion::k13},
        VersionCase{"https://www.omg.org/spec/DMN/20211108/MODEL/", "", DmnVersion::k14},
        VersionCase{"https://www.omg.org/spec/DMN/20230324/MODEL/", "", DmnVersion::k15}));

TEST(LoaderTest, PrefixedDmnNamespace) {
  auto defs = LoadDefinitionsFromString(
      R"(<dmn:definitions xmlns:dmn="https://www.omg.org/spec/DMN/20230324/MODEL/" name="m">
           <dmn:decision id="d1" name="D"><dmn:literalExpression><dmn:text>1+1</dmn:text>
           </dmn:literalExpression></dmn:decision></dmn:definitions>)",
      "p.dmn");
  ASSERT_TRUE(defs) << defs.error().ToString();
  ASSERT_EQ(defs->decisions.size(), 1u);
  EXPECT_EQ(std::get<LiteralExpression>(defs->decisions[0].expression->kind).text, "1+1");
}

TEST(LoaderTest, RejectsNonDmnRoot) {
  auto defs = LoadDefinitionsFromString("<definitions xmlns=\"urn:other\"/>", "x.dmn");
  ASSERT_FALSE(defs);
  EXPECT_NE(defs.error().message.find("not a DMN"), std::string::npos);
}

TEST(LoaderTest, RejectsAbsurdNesting) {
  std::string xml =
      "<definitions xmlns=\"https://www.omg.org/spec/DMN/20230324/MODEL/\"><decision name=\"d\">";
  for (int i = 0; i < 1000; ++i) xml += "<list>";
  for (int i = 0; i < 1000; ++i) xml += "</list>";
  xml += "</decision></definitions>";
  auto defs = LoadDefinitionsFromString(xml, "deep.dmn");
  ASSERT_FALSE(defs);
  EXPECT_NE(defs.error().message.find("nested deeper"), std::string::npos);
}

TEST(LoaderTest, XmlErrorHasLine) {
  auto defs = LoadDefinitionsFromString("<a>\n<b>\n</a>", "bad.dmn");
  ASSERT_FALSE(defs);
  EXPECT_NE(defs.error().message.find("bad.dmn: XML error at line"), std::string::npos);
}

TEST(LoaderTest, RuleEntryCountMismatchNamesTheRule) {
  auto defs = LoadDefinitionsFromString(
      R"(<definitions xmlns="https://www.omg.org/spec/DMN/20230324/MODEL/" name="m">
         <decision id="d1" name="D"><decisionTable>
           <input><inputExpression><text>x</text></inputExpression></input>
           <output/><rule id="r9"><outputEntry><text>1</text></outputEntry></rule>
         </decisionTable></decision></definitions>)",
      "m.dmn");
  ASSERT_FALSE(defs);
  EXPECT_NE(defs.error().message.find("decision 'D' (id d1)"), std::string::npos)
      << defs.error().message;
  EXPECT_NE(defs.error().message.find("rule (id r9)"), std::string::npos);
}

TEST(LoaderTest, AllBoxedExpressionKinds) {
  auto defs = LoadDefinitionsFromString(
      R"(<definitions xmlns="https://www.omg.org/spec/DMN/20230324/MODEL/" name="m">
  <decision id="d1" name="D"><context>
    <contextEntry><variable name="l"/><list><literalExpression><text>1</text></literalExpression></list></contextEntry>
    <contextEntry><variable name="r"/><relation><column name="a"/><row><literalExpression><text>1</text></literalExpression></row></relation></contextEntry>
    <contextEntry><variable name="c"/><conditional><if><literalExpression><text>true</text></literalExpression></if>
      <then><literalExpression><text>1</text></literalExpression></then><else><literalExpression><text>2</text></literalExpression></else></conditional></contextEntry>
    <contextEntry><variable name="f"/><filter><in><literalExpression><text>[1]</text></literalExpression></in><match><literalExpression><text>item > 0</text></literalExpression></match></filter></contextEntry>
    <contextEntry><variable name="i"/><every iteratorVariable="x"><in><literalExpression><text>[1]</text></literalExpression></in><satisfies><literalExpression><text>x > 0</text></literalExpression></satisfies></every></contextEntry>
    <contextEntry><variable name="fn"/><functionDefinition kind="FEEL"><formalParameter name="a"/><literalExpression><text>a</text></literalExpression></functionDefinition></contextEntry>
    <contextEntry><variable name="inv"/><invocation><literalExpression><text>fn</text></literalExpression>
      <binding><parameter name="a"/><literalExpression><text>1</text></literalExpression></binding></invocation></contextEntry>
    <contextEntry><literalExpression><text>l</text></literalExpression></contextEntry>
  </context></decision></definitions>)",
      "m.dmn");
  ASSERT_TRUE(defs) << defs.error().ToString();
  const auto& ctx = std::get<Context>(defs->decisions[0].expression->kind);
  ASSERT_EQ(ctx.entries.size(), 8u);
  EXPECT_TRUE(std::holds_alternative<List>(ctx.entries[0].value->kind));
  EXPECT_TRUE(std::holds_alternative<Relation>(ctx.entries[1].value->kind));
  EXPECT_TRUE(std::holds_alternative<Conditional>(ctx.entries[2].value->kind));
  EXPECT_TRUE(std::holds_alternative<Filter>(ctx.entries[3].value->kind));
  EXPECT_EQ(std::get<Iterator>(ctx.entries[4].value->kind).kind, IteratorKind::kEvery);
  EXPECT_TRUE(std::holds_alternative<FunctionDefinition>(ctx.entries[5].value->kind));
  EXPECT_EQ(std::get<Invocation>(ctx.entries[6].value->kind).bindings.size(), 1u);
  EXPECT_FALSE(ctx.entries[7].variable.has_value());
}

}  // namespace
}  // namespace proaktiv::dmn
