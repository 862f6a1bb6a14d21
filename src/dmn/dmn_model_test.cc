#include "dmn/dmn_model.h"

#include <string>

#include <gtest/gtest.h>

#include "dmn/xml_loader.h"

namespace proaktiv::dmn {
namespace {

using feel::Value;

constexpr char kHeader[] =
    R"(<definitions xmlns="https://www.omg.org/spec/DMN/20230324/MODEL/" name="m" )";

std::shared_ptr<const DmnModel> Build(const std::string& body, std::vector<std::string> more = {},
                                      const std::string& ns = "urn:m") {
  auto defs = LoadDefinitionsFromString(
      std::string(kHeader) + "namespace=\"" + ns + "\">" + body + "</definitions>", "m.dmn");
  EXPECT_TRUE(defs) << defs.error().ToString();
  std::vector<Definitions> library;
  for (const std::string& xml : more) {
    auto lib = LoadDefinitionsFromString(xml, "lib.dmn");
    EXPECT_TRUE(lib) << lib.error().ToString();
    library.push_back(std::move(*lib));
  }
  auto model = DmnModel::Compile(std::move(*defs), std::move(library));
  EXPECT_TRUE(model);
  return *model;
}

std::string Evaluate(const DmnModel& model, const std::string& decision, const Inputs& inputs) {
  auto out = model.EvaluateDecision(decision, inputs);
  if (!out) return "error: " + out.error().message;
  return out->value.DebugString();
}

constexpr char kTypes[] = R"(
  <itemDefinition name="tAge"><typeRef>number</typeRef>
    <allowedValues><text>[0..150]</text></allowedValues></itemDefinition>
  <itemDefinition name="tPerson">
    <itemComponent name="name"><typeRef>string</typeRef></itemComponent>
    <itemComponent name="age"><typeRef>tAge</typeRef></itemComponent>
  </itemDefinition>
  <itemDefinition name="tNames" isCollection="true"><typeRef>string</typeRef></itemDefinition>
  <inputData id="i_p" name="Person"><variable name="Person" typeRef="tPerson"/></inputData>
  <inputData id="i_age" name="Age"><variable name="Age" typeRef="tAge"/></inputData>
)";

TEST(DmnModelTest, InputCoercionToAllowedValuesAndStructures) {
  auto model = Build(std::string(kTypes) + R"(
    <decision id="d1" name="Age plus one"><variable name="Age plus one" typeRef="number"/>
      <informationRequirement><requiredInput href="#i_age"/></informationRequirement>
      <literalExpression><text>Age + 1</text></literalExpression></decision>
    <decision id="d2" name="Greeting"><variable name="Greeting" typeRef="string"/>
      <informationRequirement><requiredInput href="#i_p"/></informationRequirement>
      <literalExpression><text>"Hi " + Person.name</text></literalExpression></decision>)");
  ASSERT_TRUE(model->problems().empty()) << model->problems()[0];
  EXPECT_EQ(Evaluate(*model, "Age plus one", {{"Age", Value::Int(20)}}), "21");
  EXPECT_EQ(Evaluate(*model, "Age plus one", {{"Age", Value::Int(200)}}), "null");
  EXPECT_EQ(Evaluate(*model, "Age plus one", {{"Age", Value::String("20")}}), "null");
  feel::Context person;
  person.Put("name", Value::String("Kari"));
  person.Put("age", Value::Int(40));
  EXPECT_EQ(Evaluate(*model, "Greeting", {{"Person", Value::FromContext(person)}}), "\"Hi Kari\"");
  person.Put("age", Value::Int(-1));  // a component outside its allowed values
  EXPECT_EQ(Evaluate(*model, "Greeting", {{"Person", Value::FromContext(person)}}), "null");
}

TEST(DmnModelTest, DecisionResultCoercion) {
  auto model = Build(std::string(kTypes) + R"(
    <decision id="d1" name="Singleton"><variable name="Singleton" typeRef="number"/>
      <literalExpression><text>[42]</text></literalExpression></decision>
    <decision id="d2" name="Wrapped"><variable name="Wrapped" typeRef="tNames"/>
      <literalExpression><text>"a"</text></literalExpression></decision>
    <decision id="d3" name="Wrong"><variable name="Wrong" typeRef="string"/>
      <literalExpression><text>42</text></literalExpression></decision>)");
  EXPECT_EQ(Evaluate(*model, "Singleton", {}), "42");
  EXPECT_EQ(Evaluate(*model, "Wrapped", {}), "[\"a\"]");
  auto out = model->EvaluateDecision("Wrong", {});
  ASSERT_TRUE(out);
  EXPECT_TRUE(out->value.is_null());
  ASSERT_FALSE(out->messages.empty());
  EXPECT_NE(out->messages[0].find("decision 'Wrong' (id d3)"), std::string::npos);
}

TEST(DmnModelTest, ProblemsNameTheElement) {
  auto model = Build(R"(
    <inputData id="i_x" name="x"/>
    <decision id="d_eligible" name="Eligible">
      <informationRequirement><requiredInput href="#i_x"/></informationRequirement>
      <decisionTable><input><inputExpression><text>x +</text></inputExpression></input>
        <output/><rule id="r1"><inputEntry><text>-</text></inputEntry><outputEntry><text>y</text></outputEntry></rule>
      </decisionTable></decision>
    <decision id="d2" name="Typed"><variable name="Typed" typeRef="tMissing"/>
      <informationRequirement><requiredInput href="#nowhere"/></informationRequirement>
      <literalExpression><text>1</text></literalExpression></decision>)");
  const auto& problems = model->problems();
  auto has = [&](const std::string& prefix) {
    for (const std::string& p : problems) {
      if (p.rfind(prefix, 0) == 0) return true;
    }
    return false;
  };
  EXPECT_EQ(problems.size(), 4u);
  EXPECT_TRUE(has("decision 'Eligible' (id d_eligible): rule r1 output entry 1: unknown name 'y'"));
  EXPECT_TRUE(has("decision 'Typed' (id d2): unknown type 'tMissing'"));
  EXPECT_TRUE(has("decision 'Typed' (id d2): unresolved reference '#nowhere'"));
  EXPECT_TRUE(has("decision 'Eligible' (id d_eligible): input expression: FEEL syntax error"));
}

TEST(DmnModelTest, BkmContextInvocationAndService) {
  auto model = Build(R"(
    <inputData id="i_a" name="a"><variable name="a" typeRef="number"/></inputData>
    <businessKnowledgeModel id="k1" name="Double it"><variable name="Double it"/>
      <encapsulatedLogic><formalParameter name="n" typeRef="number"/>
        <literalExpression><text>n * 2</text></literalExpression></encapsulatedLogic>
    </businessKnowledgeModel>
    <decision id="d1" name="Ctx">
      <informationRequirement><requiredInput href="#i_a"/></informationRequirement>
      <knowledgeRequirement><requiredKnowledge href="#k1"/></knowledgeRequirement>
      <context>
        <contextEntry><variable name="twice"/><invocation>
          <literalExpression><text>Double it</text></literalExpression>
          <binding><parameter name="n"/><literalExpression><text>a</text></literalExpression></binding>
        </invocation></contextEntry>
        <contextEntry><variable name="plus"/><literalExpression><text>Double it(twice) + 1</text></literalExpression></contextEntry>
      </context></decision>
    <decision id="d2" name="Plus">
      <informationRequirement><requiredDecision href="#d1"/></informationRequirement>
      <literalExpression><text>Ctx.plus</text></literalExpression></decision>
    <decisionService id="s1" name="Svc"><outputDecision href="#d2"/>
      <encapsulatedDecision href="#d1"/><inputData href="#i_a"/></decisionService>
    <decision id="d3" name="Via service">
      <knowledgeRequirement><requiredKnowledge href="#s1"/></knowledgeRequirement>
      <literalExpression><text>Svc(5)</text></literalExpression></decision>)");
  ASSERT_TRUE(model->problems().empty()) << model->problems()[0];
  EXPECT_EQ(Evaluate(*model, "Ctx", {{"a", Value::Int(3)}}), "{twice: 6, plus: 13}");
  EXPECT_EQ(Evaluate(*model, "Plus", {{"a", Value::Int(3)}}), "13");
  EXPECT_EQ(Evaluate(*model, "Via service", {}), "21");
  std::vector<std::string> names{"Plus", "Ctx"};
  auto both = model->EvaluateDecisions(names, {{"a", Value::Int(3)}});
  ASSERT_TRUE(both);
  ASSERT_EQ(both->size(), 2u);
  EXPECT_EQ((*both)[0].value.DebugString(), "13");
  EXPECT_EQ((*both)[1].value.DebugString(), "{twice: 6, plus: 13}");
  auto svc = model->EvaluateDecisionService("Svc", {{"a", Value::Int(1)}});
  ASSERT_TRUE(svc);
  EXPECT_EQ(svc->value.DebugString(), "5");
  auto bkm = model->InvokeBkm("Double it", {{"n", Value::Int(4)}});
  ASSERT_TRUE(bkm);
  EXPECT_EQ(bkm->value.DebugString(), "8");
}

TEST(DmnModelTest, ImportsAreQualifiedByImportName) {
  std::string lib = std::string(kHeader) + R"(namespace="urn:lib">
    <itemDefinition name="tAmount"><typeRef>number</typeRef></itemDefinition>
    <inputData id="i_v" name="Value"><variable name="Value" typeRef="tAmount"/></inputData>
    <decision id="d_lib" name="Doubled Value"><variable name="Doubled Value" typeRef="tAmount"/>
      <informationRequirement><requiredInput href="#i_v"/></informationRequirement>
      <literalExpression><text>Value * 2</text></literalExpression></decision>
    </definitions>)";
  auto model = Build(R"(
    <import namespace="urn:lib" name="Lib" importType="https://www.omg.org/spec/DMN/20230324/MODEL/"/>
    <decision id="d1" name="Main"><variable name="Main" typeRef="Lib.tAmount"/>
      <informationRequirement><requiredDecision href="urn:lib#d_lib"/></informationRequirement>
      <literalExpression><text>Lib.Doubled Value + 1</text></literalExpression></decision>)",
                     {lib});
  ASSERT_TRUE(model->problems().empty()) << model->problems()[0];
  EXPECT_EQ(Evaluate(*model, "Main", {{"Value", Value::Int(5), "urn:lib"}}), "11");
}

TEST(DmnModelTest, BoxedIteratorsFilterConditional) {
  auto model = Build(R"(
    <decision id="d1" name="F"><filter>
      <in><literalExpression><text>[{a: 1}, {a: 5}]</text></literalExpression></in>
      <match><literalExpression><text>a > 2</text></literalExpression></match></filter></decision>
    <decision id="d2" name="For"><for iteratorVariable="x">
      <in><literalExpression><text>[1, 2]</text></literalExpression></in>
      <return><literalExpression><text>x * 10</text></literalExpression></return></for></decision>
    <decision id="d3" name="Every"><every iteratorVariable="x">
      <in><literalExpression><text>[1, 2]</text></literalExpression></in>
      <satisfies><literalExpression><text>x > 1</text></literalExpression></satisfies></every></decision>
    <decision id="d4" name="If"><conditional>
      <if><literalExpression><text>1 > 2</text></literalExpression></if>
      <then><literalExpression><text>"yes"</text></literalExpression></then>
      <else><literalExpression><text>"no"</text></literalExpression></else></conditional></decision>)");
  ASSERT_TRUE(model->problems().empty()) << model->problems()[0];
  EXPECT_EQ(Evaluate(*model, "F", {}), "[{a: 5}]");
  EXPECT_EQ(Evaluate(*model, "For", {}), "[10, 20]");
  EXPECT_EQ(Evaluate(*model, "Every", {}), "false");
  EXPECT_EQ(Evaluate(*model, "If", {}), "\"no\"");
}

TEST(DmnModelTest, DuplicateIdsAndNamesAreProblems) {
  auto model = Build(R"(
    <inputData id="x" name="A"/>
    <decision id="x" name="B"><literalExpression><text>1</text></literalExpression></decision>
    <decision id="y" name="A"><literalExpression><text>1</text></literalExpression></decision>)");
  ASSERT_EQ(model->problems().size(), 2u);
  EXPECT_EQ(model->problems()[0], "m.dmn: duplicate element id 'x'");
  EXPECT_EQ(model->problems()[1], "m.dmn: two elements named 'A' (ids x and y)");
}

TEST(DmnModelTest, CamundaStyleModelReadsUndeclaredInputs) {
  auto model = Build(R"(
    <decision id="d1" name="Offer"><decisionTable hitPolicy="FIRST">
      <input><inputExpression typeRef="number"><text>ageMonths</text></inputExpression></input>
      <output/>
      <rule><inputEntry><text>&gt;= 12</text></inputEntry><outputEntry><text>true</text></outputEntry></rule>
      <rule><inputEntry><text>-</text></inputEntry><outputEntry><text>false</text></outputEntry></rule>
    </decisionTable></decision>)");
  EXPECT_TRUE(model->problems().empty());
  ASSERT_EQ(model->notes().size(), 1u);
  EXPECT_EQ(model->notes()[0], "decision 'Offer' (id d1): reads undeclared input(s) ageMonths");
  EXPECT_EQ(Evaluate(*model, "Offer", {{"ageMonths", Value::Int(13)}}), "true");
  EXPECT_EQ(Evaluate(*model, "Offer", {{"ageMonths", Value::Int(3)}}), "false");
}

TEST(DmnModelTest, UnknownDecisionIsNotFound) {
  auto model = Build("");
  auto out = model->EvaluateDecision("Nope", {});
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace proaktiv::dmn
