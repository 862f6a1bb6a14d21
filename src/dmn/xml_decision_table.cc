#include "dmn/xml_decision_table.h"

#include <fmt/format.h>

namespace proaktiv::dmn {
namespace {

Result<HitPolicy> ParseHitPolicy(std::string_view text, Aggregation* aggregation) {
  if (text.empty() || text == "UNIQUE" || text == "U") return HitPolicy::kUnique;
  if (text == "ANY" || text == "A") return HitPolicy::kAny;
  if (text == "PRIORITY" || text == "P") return HitPolicy::kPriority;
  if (text == "FIRST" || text == "F") return HitPolicy::kFirst;
  if (text == "RULE ORDER" || text == "R") return HitPolicy::kRuleOrder;
  if (text == "OUTPUT ORDER" || text == "O") return HitPolicy::kOutputOrder;
  if (text == "COLLECT" || text == "C") return HitPolicy::kCollect;
  if (text == "C+")
    *aggregation = Aggregation::kSum;
  else if (text == "C<")
    *aggregation = Aggregation::kMin;
  else if (text == "C>")
    *aggregation = Aggregation::kMax;
  else if (text == "C#")
    *aggregation = Aggregation::kCount;
  else
    return InvalidArgument(fmt::format("unknown hit policy '{}'", text));
  return HitPolicy::kCollect;
}

}  // namespace

const char* HitPolicyName(HitPolicy policy) {
  switch (policy) {
    case HitPolicy::kUnique:
      return "UNIQUE";
    case HitPolicy::kAny:
      return "ANY";
    case HitPolicy::kPriority:
      return "PRIORITY";
    case HitPolicy::kFirst:
      return "FIRST";
    case HitPolicy::kRuleOrder:
      return "RULE ORDER";
    case HitPolicy::kOutputOrder:
      return "OUTPUT ORDER";
    case HitPolicy::kCollect:
      return "COLLECT";
  }
  return "";
}

const char* AggregationName(Aggregation aggregation) {
  switch (aggregation) {
    case Aggregation::kNone:
      return "";
    case Aggregation::kSum:
      return "SUM";
    case Aggregation::kMin:
      return "MIN";
    case Aggregation::kMax:
      return "MAX";
    case Aggregation::kCount:
      return "COUNT";
  }
  return "";
}

Result<DecisionTable> ReadDecisionTable(const XmlNs& ns, pugi::xml_node node) {
  DecisionTable table;
  std::string_view aggregation = node.attribute("aggregation").value();
  if (aggregation == "SUM")
    table.aggregation = Aggregation::kSum;
  else if (aggregation == "MIN")
    table.aggregation = Aggregation::kMin;
  else if (aggregation == "MAX")
    table.aggregation = Aggregation::kMax;
  else if (aggregation == "COUNT")
    table.aggregation = Aggregation::kCount;
  else if (!aggregation.empty()) {
    return InvalidArgument(fmt::format("unknown aggregation '{}'", aggregation));
  }
  PROAKTIV_ASSIGN_OR_RETURN(
      table.hit_policy, ParseHitPolicy(node.attribute("hitPolicy").value(), &table.aggregation));
  if (table.aggregation != Aggregation::kNone && table.hit_policy != HitPolicy::kCollect) {
    return InvalidArgument(fmt::format("aggregation '{}' needs hit policy COLLECT", aggregation));
  }
  table.output_label = node.attribute("outputLabel").value();
  for (pugi::xml_node input : ns.Children(node, "input")) {
    DecisionTableInput in;
    in.id = input.attribute("id").value();
    in.label = input.attribute("label").value();
    pugi::xml_node expr = ns.Child(input, "inputExpression");
    if (!expr)
      return InvalidArgument(fmt::format("{}: missing inputExpression", DescribeElement(input)));
    in.expression = ns.ChildText(input, "inputExpression");
    in.type_ref = TypeRefAttribute(expr);
    in.input_values = Trim(ns.ChildText(input, "inputValues"));
    table.inputs.push_back(std::move(in));
  }
  for (pugi::xml_node output : ns.Children(node, "output")) {
    DecisionTableOutput out;
    out.id = output.attribute("id").value();
    out.name = output.attribute("name").value();
    out.label = output.attribute("label").value();
    out.type_ref = TypeRefAttribute(output);
    out.output_values = Trim(ns.ChildText(output, "outputValues"));
    out.default_output_entry = Trim(ns.ChildText(output, "defaultOutputEntry"));
    table.outputs.push_back(std::move(out));
  }
  if (table.outputs.empty()) return InvalidArgument("decision table without output");
  if (table.outputs.size() > 1) {
    for (const DecisionTableOutput& out : table.outputs) {
      if (out.name.empty()) {
        return InvalidArgument(
            fmt::format("output (id {}): a table with several outputs needs "
                        "a name on each output",
                        out.id));
      }
    }
  }
  for (pugi::xml_node annotation : ns.Children(node, "annotation")) {
    table.annotation_names.push_back(annotation.attribute("name").value());
  }
  for (pugi::xml_node rule_node : ns.Children(node, "rule")) {
    DecisionRule rule;
    rule.id = rule_node.attribute("id").value();
    rule.description = Trim(ns.ChildText(rule_node, "description"));
    for (pugi::xml_node entry : ns.Children(rule_node, "annotationEntry")) {
      rule.annotation_entries.push_back(Trim(ns.Child(entry, "text").text().get()));
    }
    for (pugi::xml_node entry : ns.Children(rule_node, "inputEntry")) {
      pugi::xml_node text = ns.Child(entry, "text");
      rule.input_entries.push_back(Trim(text.text().get()));
    }
    for (pugi::xml_node entry : ns.Children(rule_node, "outputEntry")) {
      pugi::xml_node text = ns.Child(entry, "text");
      rule.output_entries.push_back(Trim(text.text().get()));
    }
    if (rule.input_entries.size() != table.inputs.size() ||
        rule.output_entries.size() != table.outputs.size()) {
      return InvalidArgument(fmt::format(
          "{}: has {} input and {} output entries, the table has {} inputs and {} outputs",
          DescribeElement(rule_node), rule.input_entries.size(), rule.output_entries.size(),
          table.inputs.size(), table.outputs.size()));
    }
    table.rules.push_back(std::move(rule));
  }
  return table;
}

}  // namespace proaktiv::dmn
