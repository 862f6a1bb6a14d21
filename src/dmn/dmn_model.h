#pragma once

// A compiled DMN model, ready to evaluate: the main Definitions plus the models it imports.
//
//   auto model = dmn::DmnModel::LoadFile("eligibility.dmn");        // Result<shared_ptr<...>>
//   for (auto& p : (*model)->problems()) std::cerr << p << "\n";  // model errors, with ids
//   dmn::Inputs in = {{"Age", feel::Value::Int(17)}};
//   auto out = (*model)->EvaluateDecision("Eligible", in);         // Result<Outcome>
//   out->value;     // the decision's value, null on error
//   out->messages;  // why a value became null
//
// Every FEEL text is compiled once, when the model is built, with names resolved in the scope
// of each DRG element (its information and knowledge requirements; imported elements as
// `importName.elementName`). Model problems (FEEL syntax errors, unknown types, dangling
// references, unsupported features) do not stop the build: they are listed in problems() as
// "<element kind> '<name>' (id <id>): <where>: <what>" and the affected part evaluates to null.
// Load/parse failures of the XML itself are errors.
//
// Evaluation follows DMN 1.5: required decisions are evaluated once per evaluation, input
// data and decision results are coerced to their declared types (non-conforming → null),
// business knowledge models and decision services are functions callable from FEEL with
// positional or named arguments.
//
// Thread-safety: a DmnModel is immutable after construction; Evaluate* may be called from
// several threads at once.

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "dmn/evaluation_trace.h"
#include "dmn/item_definition.h"
#include "dmn/model.h"
#include "feel/feel.h"

namespace proaktiv::dmn {

// A named input value. `ns` optionally selects the model (namespace) of an input data element
// in a model with imports; empty matches any model, preferring the main one.
struct NamedInput {
  NamedInput(std::string name, feel::Value value, std::string ns = "")
      : name(std::move(name)), value(std::move(value)), ns(std::move(ns)) {}
  std::string name;
  feel::Value value;
  std::string ns;
};
using Inputs = std::vector<NamedInput>;

struct Outcome {
  feel::Value value;
  std::vector<std::string> messages;  // explanations of nulls and coercions
};

class DmnModel {
 public:
  struct Impl;

  // Loads `path`; imports are resolved by namespace among the other *.dmn files of the same
  // folder.
  static Result<std::shared_ptr<const DmnModel>> LoadFile(const std::string& path);
  // Compiles `main` with `library` as the candidates for its (transitive) imports.
  static Result<std::shared_ptr<const DmnModel>> Compile(Definitions main,
                                                         std::vector<Definitions> library);

  const Definitions& definitions() const;
  const std::vector<std::string>& problems() const;
  // Remarks that are not errors. A model without any inputData (the Camunda Modeler style)
  // may read undeclared names: they are taken from the inputs given to EvaluateDecision, and
  // each decision doing so is listed here ("decision 'X' (id d1): reads undeclared input(s)
  // age, kommune"). In models with inputData, undeclared names are problems.
  const std::vector<std::string>& notes() const;

  // Evaluates the decision named `name` (NotFound if there is none). When `trace` is not null
  // it is cleared and receives the decisions evaluated, their decision tables' inputs and
  // matched rules (evaluation_trace.h); it is left cleared when a name is not found. Without a
  // trace evaluation does no tracing work beyond a pointer check.
  Result<Outcome> EvaluateDecision(std::string_view name, const Inputs& inputs,
                                   EvaluationTrace* trace = nullptr) const;
  // Evaluates several decisions with the same inputs in one pass: a decision they share is
  // evaluated once. Outcomes are in the order of `names`; a decision's messages are those of
  // the decisions first evaluated for it (plus input coercion notes). `trace` as for
  // EvaluateDecision, covering every decision of the pass once.
  Result<std::vector<Outcome>> EvaluateDecisions(std::span<const std::string> names,
                                                 const Inputs& inputs,
                                                 EvaluationTrace* trace = nullptr) const;
  // Invokes the decision service `name`: its input decisions and input data come from
  // `inputs` by name.
  Result<Outcome> EvaluateDecisionService(std::string_view name, const Inputs& inputs) const;
  // Invokes the business knowledge model `name` with `inputs` as named arguments.
  Result<Outcome> InvokeBkm(std::string_view name, const Inputs& inputs) const;

  // True when the element `name` (or an element it requires) uses a feature this engine does
  // not support (external Java / PMML functions).
  bool UsesUnsupported(std::string_view name) const;
  // The declared type of the input data `name` (null for Any or unknown).
  DmnTypePtr InputType(std::string_view name) const;
  // Names of all decisions of the main model, in document order.
  std::vector<std::string> DecisionNames() const;

  explicit DmnModel(std::shared_ptr<Impl> impl) : impl_(std::move(impl)) {}

 private:
  std::shared_ptr<Impl> impl_;
};

}  // namespace proaktiv::dmn
