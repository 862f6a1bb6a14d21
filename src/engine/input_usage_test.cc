// The closure analysis behind the eligibility scan's memo: which inputs a decision needs, and
// when it is safe to key them by less than their whole value.

#include "engine/input_usage.h"

#include <gtest/gtest.h>

#include "dmn/xml_loader.h"

namespace proaktiv::engine {
namespace {

// A model with inputs A, "Holders", "Holders extra", K and a decision Eligible (whose logic is
// `eligible`) requiring every input, plus an unrelated decision Other requiring only Unused.
dmn::Definitions Model(const std::string& eligible) {
  const std::string xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20230324/MODEL/" id="m" name="m"
             namespace="https://proaktiv.no/test">
  <inputData id="i_A" name="A"><variable name="A" typeRef="date"/></inputData>
  <inputData id="i_H" name="Holders"><variable name="Holders" typeRef="Any"/></inputData>
  <inputData id="i_HX" name="Holders extra"><variable name="Holders extra"/></inputData>
  <inputData id="i_K" name="K"><variable name="K" typeRef="string"/></inputData>
  <inputData id="i_U" name="Unused"><variable name="Unused" typeRef="string"/></inputData>
  <decision id="d_Inner" name="Inner">
    <informationRequirement><requiredInput href="#i_A"/></informationRequirement>
    <literalExpression><text>A.year + 6</text></literalExpression>
  </decision>
  <decision id="d_E" name="Eligible">
    <informationRequirement><requiredDecision href="#d_Inner"/></informationRequirement>
    <informationRequirement><requiredInput href="#i_H"/></informationRequirement>
    <informationRequirement><requiredInput href="#i_HX"/></informationRequirement>
    <informationRequirement><requiredInput href="#i_K"/></informationRequirement>
    )" + eligible + R"(
  </decision>
  <decision id="d_O" name="Other">
    <informationRequirement><requiredInput href="#i_U"/></informationRequirement>
    <literalExpression><text>Unused</text></literalExpression>
  </decision>
</definitions>)";
  auto defs = dmn::LoadDefinitionsFromString(xml, "<test>");
  EXPECT_TRUE(defs) << defs.error().ToString();
  return defs ? std::move(*defs) : dmn::Definitions{};
}

std::string Literal(const std::string& text) {
  return "<literalExpression><text>" + text + "</text></literalExpression>";
}

// A FIRST table over K (entries of column 0 given) and count(Holders).
std::string Table(const std::string& k0, const std::string& k1) {
  return R"(<decisionTable hitPolicy="FIRST">
      <input><inputExpression typeRef="string"><text>K</text></inputExpression></input>
      <input><inputExpression typeRef="number"><text>count(Holders)</text></inputExpression></input>
      <output name="eligible" typeRef="boolean"/>
      <rule><inputEntry><text>)" +
         k0 + R"(</text></inputEntry><inputEntry><text>-</text></inputEntry>
            <outputEntry><text>false</text></outputEntry></rule>
      <rule><inputEntry><text>)" +
         k1 + R"(</text></inputEntry><inputEntry><text>0</text></inputEntry>
            <outputEntry><text>Inner &gt; 2030</text></outputEntry></rule>
    </decisionTable>)";
}

ClosureAnalysis Analyze(const dmn::Definitions& defs) {
  const dmn::Decision* root = nullptr;
  for (const dmn::Decision& d : defs.decisions) {
    if (d.name == "Eligible") root = &d;
  }
  if (root == nullptr) {
    ADD_FAILURE() << "no decision Eligible";
    return {};
  }
  auto a = AnalyzeClosure(defs, *root);
  EXPECT_TRUE(a);
  return a ? *a : ClosureAnalysis{};
}

TEST(InputUsage, ClosureAndUses) {
  const auto a = Analyze(Model(Table("null", "not(null)")));
  EXPECT_EQ(a.input_ids, (std::set<std::string>{"i_A", "i_H", "i_HX", "i_K"}));  // not i_U
  EXPECT_EQ(a.use.at("i_A"), InputUse::kProperties);
  EXPECT_EQ(a.properties.at("i_A"), (std::set<std::string>{"year"}));
  EXPECT_EQ(a.use.at("i_H"), InputUse::kCount);
  EXPECT_EQ(a.use.at("i_HX"), InputUse::kUnused);
  EXPECT_EQ(a.use.at("i_K"), InputUse::kNullTest);
  EXPECT_TRUE(a.deterministic);
  EXPECT_TRUE(a.tokenized);
  // count(Holders) is a whole column tested against `-` and 0 only.
  EXPECT_EQ(a.count_literals.at("i_H"), (std::set<int64_t>{0}));
}

TEST(InputUsage, CountClassesOnlyForLiteralTests) {
  EXPECT_FALSE(Analyze(Model(Literal("count(Holders) > 0"))).count_literals.contains("i_H"));
  const std::string ranges = R"(<decisionTable hitPolicy="FIRST">
      <input><inputExpression typeRef="number"><text>count(Holders)</text></inputExpression></input>
      <output name="eligible" typeRef="boolean"/>
      <rule><inputEntry><text>&gt; 1</text></inputEntry>
            <outputEntry><text>K = null</text></outputEntry></rule>
    </decisionTable>)";
  const auto a = Analyze(Model(ranges));
  EXPECT_EQ(a.use.at("i_H"), InputUse::kCount);
  EXPECT_FALSE(a.count_literals.contains("i_H"));
}

TEST(InputUsage, AValueTestMakesTheWholeValueMatter) {
  EXPECT_EQ(Analyze(Model(Table("null", "\"0301\""))).use.at("i_K"), InputUse::kValue);
  EXPECT_EQ(Analyze(Model(Table("-", "K"))).use.at("i_K"), InputUse::kValue);
}

TEST(InputUsage, PropertiesAreOneWordAfterADot) {
  const auto a = Analyze(Model(Literal("if A.month &lt;= 11 then A . day + 1 else K")));
  EXPECT_EQ(a.use.at("i_A"), InputUse::kProperties);
  EXPECT_EQ(a.properties.at("i_A"), (std::set<std::string>{"day", "month", "year"}));
  EXPECT_EQ(Analyze(Model(Literal("A.first name"))).use.at("i_A"), InputUse::kValue);
  // Conservative: a word after the property might belong to it.
  EXPECT_EQ(Analyze(Model(Literal("if K = null then A.day else 1"))).use.at("i_A"),
            InputUse::kValue);
  EXPECT_EQ(Analyze(Model(Literal("A.year > 1 and A = null"))).use.at("i_A"), InputUse::kValue);
  EXPECT_EQ(Analyze(Model(Literal("[A][1].year"))).use.at("i_A"), InputUse::kValue);
}

TEST(InputUsage, OnlyAPlainCountIsACount) {
  EXPECT_EQ(Analyze(Model(Literal("count( Holders ) > 0 and K != null"))).use.at("i_H"),
            InputUse::kCount);
  EXPECT_EQ(Analyze(Model(Literal("count(Holders) > 0 and Holders[1].name = K"))).use.at("i_H"),
            InputUse::kValue);
  EXPECT_EQ(Analyze(Model(Literal("count(Holders extra) > 0"))).use.at("i_H"), InputUse::kValue);
  EXPECT_EQ(Analyze(Model(Literal("count(Holders extra) > 0"))).use.at("i_HX"), InputUse::kCount);
  EXPECT_EQ(Analyze(Model(Literal("my count(Holders) > 0"))).use.at("i_H"), InputUse::kValue);
  // A context entry named count shadows the built-in.
  const std::string shadow = R"(<context><contextEntry><variable name="count"/>)" +
                             Literal("function(x) x") + R"(</contextEntry><contextEntry>)" +
                             Literal("count(Holders)") + "</contextEntry></context>";
  EXPECT_EQ(Analyze(Model(shadow)).use.at("i_H"), InputUse::kValue);
  // A K whose value is compared, or used outside a table column.
  EXPECT_EQ(Analyze(Model(Literal("K = null"))).use.at("i_K"), InputUse::kValue);
}

TEST(InputUsage, TheClockMakesItNonDeterministic) {
  EXPECT_FALSE(Analyze(Model(Literal("A &lt; today()"))).deterministic);
  EXPECT_FALSE(Analyze(Model(Literal("now () > A"))).deterministic);
  EXPECT_TRUE(Analyze(Model(Literal("\"today()\" = K"))).deterministic);  // a string
}

TEST(InputUsage, RequirementsOutsideTheModelAreNotTrusted) {
  dmn::Definitions defs = Model(Literal("K"));
  for (dmn::Decision& d : defs.decisions) {
    if (d.name == "Eligible") d.required_inputs.push_back({"https://elsewhere", "i_X"});
  }
  EXPECT_FALSE(AnalyzeClosure(defs, defs.decisions[1]));
}

}  // namespace
}  // namespace proaktiv::engine
