#include "dmn/evaluation_trace.h"

#include <string>

#include <gtest/gtest.h>

#include "dmn/dmn_model.h"
#include "dmn/xml_loader.h"
#include "feel/temporal.h"

namespace proaktiv::dmn {
namespace {

using feel::Value;

constexpr char kModel[] = R"(<definitions
    xmlns="https://www.omg.org/spec/DMN/20230324/MODEL/" name="m" namespace="urn:trace">
  <inputData id="i_age" name="Age"><variable name="Age" typeRef="number"/></inputData>
  <inputData id="i_score" name="Score"><variable name="Score" typeRef="number"/></inputData>
  <decision id="d_cat" name="Category">
    <description>Age group.</description>
    <variable name="Category" typeRef="string"/>
    <informationRequirement><requiredInput href="#i_age"/></informationRequirement>
    <decisionTable id="t_cat" hitPolicy="FIRST">
      <input id="in_age" label="Age of applicant"><inputExpression><text>Age</text></inputExpression></input>
      <output id="o_cat"/>
      <rule id="r_minor"><description>Under 18.</description>
        <inputEntry><text>&lt; 18</text></inputEntry><outputEntry><text>"minor"</text></outputEntry></rule>
      <rule id="r_adult"><description> Working age. </description>
        <inputEntry><text>&lt; 67</text></inputEntry><outputEntry><text>"adult"</text></outputEntry></rule>
      <rule id="r_any">
        <inputEntry><text>-</text></inputEntry><outputEntry><text>"senior"</text></outputEntry></rule>
    </decisionTable>
  </decision>
  <decision id="d_ben" name="Benefits">
    <variable name="Benefits"/>
    <informationRequirement><requiredDecision href="#d_cat"/></informationRequirement>
    <informationRequirement><requiredInput href="#i_score"/></informationRequirement>
    <decisionTable id="t_ben" hitPolicy="COLLECT">
      <input><inputExpression><text>Category</text></inputExpression></input>
      <input label="Score"><inputExpression><text>Score</text></inputExpression></input>
      <output name="benefit" typeRef="string"/>
      <output name="amount" typeRef="number"/>
      <annotation name="Law"/>
      <annotation name="Note"/>
      <rule id="b1"><inputEntry><text>"adult"</text></inputEntry><inputEntry><text>-</text></inputEntry>
        <outputEntry><text>"base"</text></outputEntry><outputEntry><text>100</text></outputEntry>
        <annotationEntry><text>§ 1</text></annotationEntry><annotationEntry><text>Everyone</text></annotationEntry></rule>
      <rule id="b2"><inputEntry><text>"minor"</text></inputEntry><inputEntry><text>-</text></inputEntry>
        <outputEntry><text>"child"</text></outputEntry><outputEntry><text>50</text></outputEntry></rule>
      <rule id="b3"><description>High score.</description>
        <inputEntry><text>-</text></inputEntry><inputEntry><text>&gt; 10</text></inputEntry>
        <outputEntry><text>"bonus"</text></outputEntry><outputEntry><text>Score</text></outputEntry>
        <annotationEntry><text>§ 2</text></annotationEntry></rule>
    </decisionTable>
  </decision>
  <decision id="d_total" name="Total">
    <variable name="Total" typeRef="number"/>
    <informationRequirement><requiredDecision href="#d_ben"/></informationRequirement>
    <literalExpression><text>sum(Benefits.amount)</text></literalExpression>
  </decision>
  <decision id="d_ctx" name="Nested">
    <informationRequirement><requiredInput href="#i_score"/></informationRequirement>
    <context>
      <contextEntry><variable name="level"/>
        <decisionTable hitPolicy="UNIQUE">
          <input><inputExpression><text>Score</text></inputExpression></input>
          <output/>
          <rule id="n1"><inputEntry><text>&lt;= 10</text></inputEntry><outputEntry><text>"low"</text></outputEntry></rule>
          <rule id="n2"><inputEntry><text>&gt; 10</text></inputEntry><outputEntry><text>"high"</text></outputEntry></rule>
        </decisionTable></contextEntry>
      <contextEntry><literalExpression><text>level</text></literalExpression></contextEntry>
    </context>
  </decision>
</definitions>)";

std::shared_ptr<const DmnModel> Build() {
  auto defs = LoadDefinitionsFromString(kModel, "trace.dmn");
  EXPECT_TRUE(defs) << defs.error().ToString();
  auto model = DmnModel::Compile(std::move(*defs), {});
  EXPECT_TRUE(model);
  EXPECT_TRUE((*model)->problems().empty()) << (*model)->problems()[0];
  return *model;
}

TEST(EvaluationTraceTest, FirstTableRecordsInputsAndTheSelectedRule) {
  auto model = Build();
  EvaluationTrace trace;
  auto out = model->EvaluateDecision("Category", {{"Age", Value::Int(30)}}, &trace);
  ASSERT_TRUE(out);
  EXPECT_EQ(out->value.DebugString(), "\"adult\"");
  ASSERT_EQ(trace.inputs.size(), 1u);
  EXPECT_EQ(trace.inputs[0].first, "Age");
  ASSERT_EQ(trace.decisions.size(), 1u);
  const DecisionTrace& d = trace.decisions[0];
  EXPECT_EQ(d.name, "Category");
  EXPECT_EQ(d.id, "d_cat");
  EXPECT_EQ(d.description, "Age group.");
  EXPECT_EQ(d.kind, "decisionTable");
  EXPECT_EQ(d.value.DebugString(), "\"adult\"");
  const TableTrace* t = d.Table();
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->hit_policy, "FIRST");
  EXPECT_EQ(t->where, "decision 'Category' (id d_cat)");
  ASSERT_EQ(t->inputs.size(), 1u);
  EXPECT_EQ(t->inputs[0].first, "Age of applicant");
  EXPECT_EQ(t->inputs[0].second.DebugString(), "30");
  ASSERT_EQ(t->matched_rows.size(), 1u);  // FIRST: r_any matches too but is not selected
  EXPECT_EQ(t->matched_rows[0].index, 2);
  EXPECT_EQ(t->matched_rows[0].rule_id, "r_adult");
  EXPECT_EQ(t->matched_rows[0].description, "Working age.");
  ASSERT_EQ(t->matched_rows[0].outputs.size(), 1u);
  EXPECT_EQ(t->matched_rows[0].outputs[0].DebugString(), "\"adult\"");
  EXPECT_FALSE(t->default_output);
}

TEST(EvaluationTraceTest, CollectTableRecordsEveryMatchWithAnnotations) {
  auto model = Build();
  EvaluationTrace trace;
  auto out = model->EvaluateDecision("Benefits",
                                     {{"Age", Value::Int(30)}, {"Score", Value::Int(12)}}, &trace);
  ASSERT_TRUE(out);
  const DecisionTrace* d = trace.Find("Benefits");
  ASSERT_NE(d, nullptr);
  ASSERT_NE(d->Table(), nullptr);
  const TableTrace& t = *d->Table();
  EXPECT_EQ(t.hit_policy, "COLLECT");
  EXPECT_EQ(t.aggregation, "");
  ASSERT_EQ(t.inputs.size(), 2u);
  EXPECT_EQ(t.inputs[0].first, "Category");  // no label: the expression text
  EXPECT_EQ(t.inputs[0].second.DebugString(), "\"adult\"");
  EXPECT_EQ(t.output_names, (std::vector<std::string>{"benefit", "amount"}));
  ASSERT_EQ(t.matched_rows.size(), 2u);
  EXPECT_EQ(t.matched_rows[0].rule_id, "b1");
  EXPECT_EQ(t.matched_rows[0].description, "§ 1; Everyone");  // no description: annotations
  ASSERT_EQ(t.matched_rows[0].annotations.size(), 2u);
  EXPECT_EQ(t.matched_rows[0].annotations[1].first, "Note");
  EXPECT_EQ(t.matched_rows[0].annotations[1].second, "Everyone");
  EXPECT_EQ(t.matched_rows[1].index, 3);
  EXPECT_EQ(t.matched_rows[1].description, "High score.");
  EXPECT_EQ(t.matched_rows[1].annotations[0].first, "Law");
  ASSERT_EQ(t.matched_rows[1].outputs.size(), 2u);
  EXPECT_EQ(t.matched_rows[1].outputs[1].DebugString(), "12");
}

TEST(EvaluationTraceTest, RequiredDecisionsAreRecordedOnceFirst) {
  auto model = Build();
  EvaluationTrace trace;
  std::vector<std::string> names{"Total", "Benefits", "Category"};
  auto out =
      model->EvaluateDecisions(names, {{"Age", Value::Int(10)}, {"Score", Value::Int(3)}}, &trace);
  ASSERT_TRUE(out);
  EXPECT_EQ((*out)[0].value.DebugString(), "50");
  ASSERT_EQ(trace.decisions.size(), 3u);
  EXPECT_EQ(trace.decisions[0].name, "Category");
  EXPECT_EQ(trace.decisions[1].name, "Benefits");
  EXPECT_EQ(trace.decisions[2].name, "Total");
  EXPECT_EQ(trace.decisions[2].kind, "literalExpression");
  EXPECT_EQ(trace.decisions[2].Table(), nullptr);
  EXPECT_TRUE(trace.decisions[2].tables.empty());  // the tables are on the required decisions
  EXPECT_EQ(trace.decisions[0].tables.size(), 1u);
  ASSERT_EQ(trace.decisions[1].tables.size(), 1u);
  EXPECT_EQ(trace.decisions[1].tables[0].matched_rows.at(0).rule_id, "b2");
  // A second evaluation into the same trace starts afresh.
  ASSERT_TRUE(model->EvaluateDecision("Category", {{"Age", Value::Int(70)}}, &trace));
  ASSERT_EQ(trace.decisions.size(), 1u);
  EXPECT_EQ(trace.decisions[0].Table()->matched_rows.at(0).rule_id, "r_any");
  EXPECT_TRUE(trace.decisions[0].Table()->matched_rows.at(0).description.empty());
}

TEST(EvaluationTraceTest, TablesNestedInAContextAreRecorded) {
  auto model = Build();
  EvaluationTrace trace;
  auto out = model->EvaluateDecision("Nested", {{"Score", Value::Int(11)}}, &trace);
  ASSERT_TRUE(out);
  EXPECT_EQ(out->value.DebugString(), "\"high\"");
  ASSERT_EQ(trace.decisions.size(), 1u);
  const DecisionTrace& d = trace.decisions[0];
  EXPECT_EQ(d.kind, "context");
  EXPECT_EQ(d.Table(), nullptr);
  ASSERT_EQ(d.tables.size(), 1u);
  EXPECT_EQ(d.tables[0].hit_policy, "UNIQUE");
  EXPECT_NE(d.tables[0].where.find("context entry 'level'"), std::string::npos);
  EXPECT_EQ(d.tables[0].matched_rows.at(0).rule_id, "n2");
}

TEST(EvaluationTraceTest, NullTraceGivesTheSameResults) {
  auto model = Build();
  std::vector<std::string> names{"Total", "Benefits", "Category", "Nested"};
  for (int age : {5, 30, 80}) {
    Inputs inputs{{"Age", Value::Int(age)}, {"Score", Value::Int(age / 2)}};
    EvaluationTrace trace;
    auto traced = model->EvaluateDecisions(names, inputs, &trace);
    auto plain = model->EvaluateDecisions(names, inputs);
    ASSERT_TRUE(traced);
    ASSERT_TRUE(plain);
    for (size_t k = 0; k < names.size(); ++k) {
      EXPECT_EQ((*traced)[k].value.DebugString(), (*plain)[k].value.DebugString()) << names[k];
      EXPECT_EQ((*traced)[k].messages, (*plain)[k].messages) << names[k];
    }
    EXPECT_EQ(trace.decisions.size(), names.size());
  }
  EvaluationTrace trace;
  EXPECT_FALSE(model->EvaluateDecision("Missing", {}, &trace));
  EXPECT_TRUE(trace.decisions.empty());
}

TEST(EvaluationTraceTest, PriorityUniqueAndDefaultOutput) {
  auto defs = LoadDefinitionsFromString(
      R"(<definitions xmlns="https://www.omg.org/spec/DMN/20230324/MODEL/" name="p"
           namespace="urn:p">
  <inputData id="i_x" name="x"><variable name="x" typeRef="number"/></inputData>
  <decision id="d_p" name="P">
    <informationRequirement><requiredInput href="#i_x"/></informationRequirement>
    <decisionTable hitPolicy="PRIORITY">
      <input><inputExpression><text>x</text></inputExpression><inputValues><text>[0..100]</text></inputValues></input>
      <output typeRef="string"><outputValues><text>"high","low"</text></outputValues>
        <defaultOutputEntry><text>"none"</text></defaultOutputEntry></output>
      <rule id="p1"><inputEntry><text>&gt; 1</text></inputEntry><outputEntry><text>"low"</text></outputEntry></rule>
      <rule id="p2"><inputEntry><text>&gt; 5</text></inputEntry><outputEntry><text>"high"</text></outputEntry></rule>
    </decisionTable></decision>
  <decision id="d_u" name="U">
    <informationRequirement><requiredInput href="#i_x"/></informationRequirement>
    <decisionTable>
      <input><inputExpression><text>x</text></inputExpression></input><output/>
      <rule id="u1"><inputEntry><text>&gt; 1</text></inputEntry><outputEntry><text>1</text></outputEntry></rule>
      <rule id="u2"><inputEntry><text>&gt; 5</text></inputEntry><outputEntry><text>2</text></outputEntry></rule>
    </decisionTable></decision>
</definitions>)",
      "p.dmn");
  ASSERT_TRUE(defs) << defs.error().ToString();
  auto model = DmnModel::Compile(std::move(*defs), {});
  ASSERT_TRUE(model);
  EvaluationTrace trace;
  std::vector<std::string> names{"P", "U"};
  ASSERT_TRUE((*model)->EvaluateDecisions(names, {{"x", Value::Int(7)}}, &trace));
  const TableTrace* p = trace.Find("P")->Table();
  ASSERT_EQ(p->matched_rows.size(), 1u);  // PRIORITY: the winner only
  EXPECT_EQ(p->matched_rows[0].rule_id, "p2");
  const TableTrace* u = trace.Find("U")->Table();
  EXPECT_TRUE(u->value.is_null());  // UNIQUE with two matches: both listed to explain the error
  ASSERT_EQ(u->matched_rows.size(), 2u);
  EXPECT_EQ(u->matched_rows[1].rule_id, "u2");
  ASSERT_TRUE((*model)->EvaluateDecision("P", {{"x", Value::Int(0)}}, &trace));
  EXPECT_TRUE(trace.decisions[0].Table()->matched_rows.empty());
  EXPECT_TRUE(trace.decisions[0].Table()->default_output);
  EXPECT_EQ(trace.decisions[0].value.DebugString(), "\"none\"");
  ASSERT_TRUE((*model)->EvaluateDecision("P", {{"x", Value::Int(200)}}, &trace));
  const TableTrace* bad = trace.decisions[0].Table();  // outside inputValues: null, no rows
  ASSERT_EQ(bad->inputs.size(), 1u);
  EXPECT_EQ(bad->inputs[0].second.DebugString(), "200");
  EXPECT_TRUE(bad->matched_rows.empty());
  EXPECT_TRUE(bad->value.is_null());
}

TEST(EvaluationTraceTest, KindergartenEligibilityExplainsTheAssessment) {
  auto model = DmnModel::LoadFile(std::string(PROAKTIV_SOURCE_DIR) +
                                  "/services/kindergarten-place/eligibility.dmn");
  ASSERT_TRUE(model) << model.error().ToString();
  feel::List parents{Value::String("Mor"), Value::String("Far")};
  Inputs inputs{{"Child birth date", Value::FromDate(*feel::ParseDate("2025-05-10"))},
                {"Child status", Value::String("bosatt")},
                {"Kommune", Value::String("0301")},
                {"Parents with responsibility", Value::FromList(parents)},
                {"Intake deadline", Value::String("03-01")},
                {"Today", Value::FromDate(*feel::ParseDate("2026-01-15"))}};
  EvaluationTrace trace;
  auto out = (*model)->EvaluateDecision("Eligible", inputs, &trace);
  ASSERT_TRUE(out);
  EXPECT_EQ(out->value.DebugString(), "true");
  ASSERT_FALSE(trace.decisions.empty());
  EXPECT_EQ(trace.decisions.back().name, "Eligible");
  const DecisionTrace* assessment = trace.Find("Assessment");
  ASSERT_NE(assessment, nullptr);
  ASSERT_NE(assessment->Table(), nullptr);
  const TableTrace& t = *assessment->Table();
  EXPECT_EQ(t.hit_policy, "FIRST");
  ASSERT_EQ(t.inputs.size(), 4u);
  EXPECT_EQ(t.inputs[2].first, "Intake year");
  EXPECT_EQ(t.inputs[2].second.DebugString(), "2026");
  EXPECT_EQ(t.inputs[3].first, "Holders of parental responsibility");
  EXPECT_EQ(t.inputs[3].second.DebugString(), "2");
  ASSERT_EQ(t.matched_rows.size(), 1u);
  EXPECT_EQ(t.matched_rows[0].rule_id, "d_Assessment_r6");
  EXPECT_EQ(t.matched_rows[0].description,
            "Turns 1 by the end of November of the intake year: right to a place.");
  EXPECT_NE(trace.Find("Intake year"), nullptr);
  EXPECT_EQ(trace.Find("Reason"), nullptr);  // not needed for Eligible
}

}  // namespace
}  // namespace proaktiv::dmn
