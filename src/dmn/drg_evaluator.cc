// Evaluation of the compiled DRG (see drg_graph.h and dmn_model.h).

#include <fmt/format.h>

#include "dmn/drg_graph.h"

namespace proaktiv::dmn {

using feel::Frame;
using feel::Value;

namespace {

constexpr int kMaxDepth = 256;

void AddMessages(const std::string& where, const feel::EvalContext& ctx,
                 std::vector<std::string>* out) {
  if (out == nullptr) return;
  for (const std::string& m : ctx.messages()) {
    out->push_back(m.starts_with(where) ? m : where + ": " + m);
  }
}

}  // namespace

DmnModel::Impl::State DmnModel::Impl::NewState(std::vector<std::string>* messages) const {
  State state;
  state.decision_values.resize(decisions.size());
  state.in_progress.assign(decisions.size(), 0);
  state.input_values.resize(inputs.size());
  state.messages = messages;
  return state;
}

void DmnModel::Impl::FillRequirements(const std::vector<Requirement>& requirements, State* state,
                                      Frame& frame) const {
  // Imported elements are entries of a context per import name.
  std::vector<std::pair<feel::Slot, feel::Context>> imported;
  for (const Requirement& req : requirements) {
    Value v;
    switch (req.ref.kind) {
      case ElementKind::kDecision:
        v = state ? EvaluateDecision(req.ref.index, *state) : Value();
        break;
      case ElementKind::kInput:
        v = state ? state->input_values[req.ref.index] : Value();
        break;
      case ElementKind::kBkm:
        v = bkm_values[req.ref.index];
        break;
      case ElementKind::kService:
        v = service_values[req.ref.index];
        break;
    }
    if (req.key.empty()) {
      frame.Set(req.slot, std::move(v));
      continue;
    }
    auto it = std::find_if(imported.begin(), imported.end(),
                           [&](const auto& p) { return p.first == req.slot; });
    if (it == imported.end()) {
      imported.emplace_back(req.slot, feel::Context());
      it = imported.end() - 1;
    }
    it->second.Put(req.key, std::move(v));
  }
  for (auto& [slot, ctx] : imported) frame.Set(slot, Value::FromContext(std::move(ctx)));
}

Value DmnModel::Impl::EvaluateDecision(int index, State& state) const {
  if (state.decision_values[index]) return *state.decision_values[index];
  if (state.trace != nullptr) return EvaluateDecisionTraced(index, state);
  return EvaluateDecisionBody(index, state);
}

Value DmnModel::Impl::EvaluateDecisionBody(int index, State& state) const {
  const DecisionInfo& info = decisions[index];
  if (state.in_progress[index]) {
    if (state.messages) state.messages->push_back(info.where + ": requirement cycle");
    return Value();
  }
  state.in_progress[index] = 1;
  Frame frame(static_cast<size_t>(*info.frame_size));
  FillRequirements(info.requirements, &state, frame);
  if (state.named_inputs != nullptr) {
    for (const auto& [name, slot] : info.implicit_inputs) {
      for (const NamedInput& in : *state.named_inputs) {
        if (in.name == name) frame.Set(slot, in.value);
      }
    }
  }
  Value v;
  if (info.body) {
    v = info.body->Eval(frame);
  } else {
    frame.context().AddMessage("no decision logic");
  }
  if (info.type) {
    std::vector<std::string> messages;
    v = info.type->Coerce(v, &messages);
    for (std::string& m : messages) frame.context().AddMessage(std::move(m));
  }
  AddMessages(info.where, frame.context(), state.messages);
  state.in_progress[index] = 0;
  state.decision_values[index] = v;
  return v;
}

Value DmnModel::Impl::CallBkm(int index, std::span<const Value> args,
                              feel::EvalContext& ctx) const {
  const BkmInfo& info = bkms[index];
  Frame frame(static_cast<size_t>(*info.frame_size));
  FillRequirements(info.requirements, nullptr, frame);
  for (size_t i = 0; i < info.param_slots.size(); ++i) {
    Value arg = i < args.size() ? args[i] : Value();
    if (info.param_types[i]) {
      std::vector<std::string> messages;
      Value coerced = info.param_types[i]->Coerce(arg, &messages);
      if (coerced.is_null() && !arg.is_null()) {
        for (const std::string& m : messages) {
          ctx.AddMessage(fmt::format("{}: parameter '{}': {}", info.where, info.params[i], m));
        }
        return Value();
      }
      arg = std::move(coerced);
    }
    frame.Set(info.param_slots[i], std::move(arg));
  }
  Value out = info.body->Eval(frame);
  if (info.result_type) {
    std::vector<std::string> messages;
    out = info.result_type->Coerce(out, &messages);
    for (std::string& m : messages) frame.context().AddMessage(std::move(m));
  }
  std::vector<std::string> messages;
  AddMessages(info.where, frame.context(), &messages);
  for (std::string& m : messages) ctx.AddMessage(std::move(m));
  return out;
}

Value DmnModel::Impl::CallService(int index, std::span<const Value> args,
                                  feel::EvalContext& ctx) const {
  const ServiceInfo& info = services[index];
  std::vector<std::string> messages;
  State state = NewState(&messages);
  size_t a = 0;
  for (int d : info.input_decisions) {
    Value v = a < args.size() ? args[a] : Value();
    ++a;
    if (const DmnTypePtr& type = decisions[d].type) v = type->Coerce(v, &messages);
    state.decision_values[d] = std::move(v);
  }
  for (int i : info.input_data) {
    Value v = a < args.size() ? args[a] : Value();
    ++a;
    if (const DmnTypePtr& type = inputs[i].type) v = type->Coerce(v, &messages);
    state.input_values[i] = std::move(v);
  }
  Value out;
  if (info.outputs.size() == 1) {
    out = EvaluateDecision(info.outputs[0], state);
  } else {
    feel::Context result;
    for (int d : info.outputs) result.Put(decisions[d].decision->name, EvaluateDecision(d, state));
    out = Value::FromContext(std::move(result));
  }
  if (info.type) out = info.type->Coerce(out, &messages);
  for (std::string& m : messages) ctx.AddMessage(std::move(m));
  return out;
}

void DmnModel::Impl::MakeFunctionValues() {
  std::weak_ptr<const Impl> self = shared_from_this();
  for (size_t k = 0; k < bkms.size(); ++k) {
    int index = static_cast<int>(k);
    bkm_values.push_back(Value::NativeFunction(
        bkms[k].bkm->name, bkms[k].params,
        [self, index](std::span<const Value> args, feel::EvalContext& ctx) -> Value {
          auto impl = self.lock();
          return impl ? impl->CallBkm(index, args, ctx) : Value();
        }));
  }
  for (size_t s = 0; s < services.size(); ++s) {
    int index = static_cast<int>(s);
    service_values.push_back(Value::NativeFunction(
        services[s].service->name, services[s].params,
        [self, index](std::span<const Value> args, feel::EvalContext& ctx) -> Value {
          auto impl = self.lock();
          return impl ? impl->CallService(index, args, ctx) : Value();
        }));
  }
}

int DmnModel::Impl::FindDecision(std::string_view name) const {
  auto it = decision_by_name.find(std::string(name));
  return it == decision_by_name.end() ? -1 : it->second;
}

int DmnModel::Impl::FindInput(std::string_view name, std::string_view ns) const {
  int fallback = -1;
  for (size_t i = 0; i < inputs.size(); ++i) {
    if (inputs[i].input->name != name) continue;
    const std::string& model_ns = models[inputs[i].model].defs.ns;
    if (!ns.empty() && model_ns == ns) return static_cast<int>(i);
    if (ns.empty() && inputs[i].model == 0) return static_cast<int>(i);
    if (fallback < 0) fallback = static_cast<int>(i);
  }
  return fallback;
}

int DmnModel::Impl::FindBkm(std::string_view name) const {
  for (size_t k = 0; k < bkms.size(); ++k) {
    if (bkms[k].bkm->name == name) return static_cast<int>(k);
  }
  return -1;
}

int DmnModel::Impl::FindService(std::string_view name) const {
  for (size_t s = 0; s < services.size(); ++s) {
    if (services[s].service->name == name) return static_cast<int>(s);
  }
  return -1;
}

bool DmnModel::Impl::Unsupported(ElementRef ref, int depth) const {
  if (depth > kMaxDepth || ref.index < 0) return false;
  const std::vector<Requirement>* reqs = nullptr;
  switch (ref.kind) {
    case ElementKind::kDecision:
      if (decisions[ref.index].unsupported) return true;
      reqs = &decisions[ref.index].requirements;
      break;
    case ElementKind::kBkm:
      if (bkms[ref.index].unsupported) return true;
      reqs = &bkms[ref.index].requirements;
      break;
    case ElementKind::kService:
      for (int d : services[ref.index].outputs) {
        if (Unsupported({ElementKind::kDecision, d}, depth + 1)) return true;
      }
      return false;
    case ElementKind::kInput:
      return false;
  }
  for (const Requirement& r : *reqs) {
    if (Unsupported(r.ref, depth + 1)) return true;
  }
  return false;
}

Result<std::vector<Outcome>> DmnModel::EvaluateDecisions(std::span<const std::string> names,
                                                         const Inputs& inputs,
                                                         EvaluationTrace* trace) const {
  if (trace != nullptr) *trace = EvaluationTrace();
  std::vector<int> indices;
  for (const std::string& name : names) {
    int d = impl_->FindDecision(name);
    if (d < 0) return NotFound(fmt::format("no decision named '{}'", name));
    indices.push_back(d);
  }
  std::vector<std::string> input_messages;
  Impl::State state = impl_->NewState(nullptr);
  state.named_inputs = &inputs;
  state.trace = trace;
  for (const NamedInput& in : inputs) {
    int i = impl_->FindInput(in.name, in.ns);
    if (i < 0) {  // extra inputs are ignored
      if (trace != nullptr) trace->inputs.emplace_back(in.name, in.value);
      continue;
    }
    Value v = in.value;
    if (const DmnTypePtr& type = impl_->inputs[i].type) {
      std::vector<std::string> messages;
      v = type->Coerce(v, &messages);
      for (const std::string& m : messages) {
        input_messages.push_back(fmt::format("input data '{}': {}", in.name, m));
      }
    }
    if (trace != nullptr) trace->inputs.emplace_back(in.name, v);
    state.input_values[i] = std::move(v);
  }
  std::vector<Outcome> out(indices.size());
  for (size_t k = 0; k < indices.size(); ++k) {
    out[k].messages = input_messages;
    state.messages = &out[k].messages;
    out[k].value = impl_->EvaluateDecision(indices[k], state);
  }
  return out;
}

Result<Outcome> DmnModel::EvaluateDecision(std::string_view name, const Inputs& inputs,
                                           EvaluationTrace* trace) const {
  std::string owned(name);
  PROAKTIV_ASSIGN_OR_RETURN(
      std::vector<Outcome> out,
      EvaluateDecisions(std::span<const std::string>(&owned, 1), inputs, trace));
  return std::move(out[0]);
}

namespace {

// Orders named inputs as the parameters of a decision service or BKM; absent ones are null.
std::vector<Value> ArgumentsByName(const std::vector<std::string>& params, const Inputs& inputs) {
  std::vector<Value> args(params.size());
  for (const NamedInput& in : inputs) {
    for (size_t p = 0; p < params.size(); ++p) {
      if (params[p] == in.name) args[p] = in.value;
    }
  }
  return args;
}

}  // namespace

Result<Outcome> DmnModel::EvaluateDecisionService(std::string_view name,
                                                  const Inputs& inputs) const {
  int s = impl_->FindService(name);
  if (s < 0) return NotFound(fmt::format("no decision service named '{}'", name));
  const ServiceInfo& info = impl_->services[s];
  std::vector<Value> args = ArgumentsByName(info.params, inputs);
  feel::EvalContext ctx;
  Outcome out;
  out.value = impl_->CallService(s, args, ctx);
  out.messages = ctx.messages();
  return out;
}

Result<Outcome> DmnModel::InvokeBkm(std::string_view name, const Inputs& inputs) const {
  int k = impl_->FindBkm(name);
  if (k < 0) return NotFound(fmt::format("no business knowledge model named '{}'", name));
  const BkmInfo& info = impl_->bkms[k];
  std::vector<Value> args = ArgumentsByName(info.params, inputs);
  feel::EvalContext ctx;
  Outcome out;
  out.value = impl_->CallBkm(k, args, ctx);
  out.messages = ctx.messages();
  return out;
}

}  // namespace proaktiv::dmn
