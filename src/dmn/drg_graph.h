#pragma once

// Internal: the compiled decision requirements graph behind DmnModel. All models (the main
// one first, then the imported ones) are flattened into one graph of elements addressed by
// index. Built by dmn_model.cc, evaluated by drg_evaluator.cc. Immutable after Build.

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "dmn/boxed_expression.h"
#include "dmn/dmn_model.h"
#include "dmn/evaluation_trace.h"

namespace proaktiv::dmn {

enum class ElementKind { kDecision, kInput, kBkm, kService };

struct ElementRef {
  ElementKind kind = ElementKind::kDecision;
  int index = -1;
};

// How one requirement fills the frame: directly into `slot`, or as entry `key` of a context in
// `slot` (elements of imported models, reached as `import.name`).
struct Requirement {
  ElementRef ref;
  feel::Slot slot = -1;
  std::string key;
};

struct ModelInfo {
  Definitions defs;
  std::unique_ptr<TypeResolver> types;
  std::vector<std::pair<std::string, int>> imports;  // import name -> model index
};

struct DecisionInfo {
  int model = 0;
  const Decision* decision = nullptr;
  std::string where;  // "decision 'X' (id Y)"
  DmnTypePtr type;
  std::vector<Requirement> requirements;
  NodePtr body;  // null when the decision has no logic
  std::shared_ptr<int32_t> frame_size;
  bool unsupported = false;
  // Undeclared names read from the evaluation's inputs (models without inputData).
  std::vector<std::pair<std::string, feel::Slot>> implicit_inputs;
};

struct InputInfo {
  int model = 0;
  const InputData* input = nullptr;
  DmnTypePtr type;
};

struct BkmInfo {
  int model = 0;
  const BusinessKnowledgeModel* bkm = nullptr;
  std::string where;
  std::vector<Requirement> requirements;
  std::vector<std::string> params;
  std::vector<feel::Slot> param_slots;
  std::vector<DmnTypePtr> param_types;
  DmnTypePtr result_type;
  NodePtr body;
  std::shared_ptr<int32_t> frame_size;
  bool unsupported = false;
};

struct ServiceInfo {
  int model = 0;
  const DecisionService* service = nullptr;
  std::string where;
  std::vector<int> outputs;          // decision indices
  std::vector<int> input_decisions;  // decision indices
  std::vector<int> input_data;       // input indices
  std::vector<std::string> params;   // input decision names, then input data names
  DmnTypePtr type;
};

struct DmnModel::Impl : std::enable_shared_from_this<DmnModel::Impl> {
  std::vector<ModelInfo> models;  // [0] is the main model
  std::vector<DecisionInfo> decisions;
  // Decision name → index: the main model's first decision of that name, else the first one.
  std::unordered_map<std::string, int> decision_by_name;
  std::vector<InputInfo> inputs;
  std::vector<BkmInfo> bkms;
  std::vector<ServiceInfo> services;
  std::vector<feel::Value> bkm_values;      // function values, made after compilation
  std::vector<feel::Value> service_values;  // function values
  std::vector<std::string> problems;
  std::vector<std::string> notes;

  // Compiles models[*] into the element tables. Called once.
  void Build();
  // Creates bkm_values / service_values (needs shared_from_this).
  void MakeFunctionValues();

  // Per-evaluation state: decision results computed so far and the input values.
  struct State {
    std::vector<std::optional<feel::Value>> decision_values;
    std::vector<char> in_progress;
    std::vector<feel::Value> input_values;
    const Inputs* named_inputs = nullptr;  // for implicit inputs; may be null
    std::vector<std::string>* messages = nullptr;
    EvaluationTrace* trace = nullptr;  // not owned; records the decisions evaluated when set
  };
  State NewState(std::vector<std::string>* messages) const;
  // The value of decision `index`, evaluated once per state (requirements first).
  feel::Value EvaluateDecision(int index, State& state) const;
  // EvaluateDecision's work: evaluates decision `index` (not yet in state.decision_values).
  feel::Value EvaluateDecisionBody(int index, State& state) const;
  // EvaluateDecisionBody recording a DecisionTrace into *state.trace (evaluation_trace.cc).
  feel::Value EvaluateDecisionTraced(int index, State& state) const;
  feel::Value CallBkm(int index, std::span<const feel::Value> args, feel::EvalContext& ctx) const;
  feel::Value CallService(int index, std::span<const feel::Value> args,
                          feel::EvalContext& ctx) const;
  // Fills a frame with the values of `requirements`.
  void FillRequirements(const std::vector<Requirement>& requirements, State* state,
                        feel::Frame& frame) const;

  int FindDecision(std::string_view name) const;  // main model first; -1 when absent
  int FindInput(std::string_view name, std::string_view ns) const;
  int FindBkm(std::string_view name) const;
  int FindService(std::string_view name) const;
  bool Unsupported(ElementRef ref, int depth) const;
};

}  // namespace proaktiv::dmn
