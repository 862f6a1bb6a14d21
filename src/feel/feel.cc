#include "feel/feel.h"

#include "feel/builtins.h"
#include "feel/nodes.h"
#include "feel/parser.h"

namespace proaktiv::feel {

namespace {
// Collapses runs of whitespace to one space and trims, so "a  b" and "a b" name the same.
std::string NormalizeName(std::string_view name) {
  std::string out;
  bool space = false;
  for (char c : name) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

const SystemClock& DefaultClock() {
  static const SystemClock clock;
  return clock;
}
}  // namespace

Slot Scope::Define(std::string_view name, TypePtr type) {
  std::string n = NormalizeName(name);
  Slot s = Find(n);
  if (s >= 0) {
    types_[static_cast<size_t>(s)] = std::move(type);
    return s;
  }
  names_.push_back(std::move(n));
  types_.push_back(std::move(type));
  return static_cast<Slot>(names_.size() - 1);
}

Slot Scope::Find(std::string_view name) const {
  for (size_t i = names_.size(); i-- > 0;)
    if (names_[i] == name) return static_cast<Slot>(i);
  return -1;
}

EvalContext::EvalContext() : clock_(&DefaultClock()) {}

void EvalContext::AddMessage(std::string message) {
  if (messages_.size() < 100) messages_.push_back(std::move(message));
}

Value Expression::Evaluate(Frame& frame) const {
  if (!program_) return Value();
  return RunProgram(*program_, frame.data(), frame.size(), frame.context(), nullptr);
}

const std::string& Expression::text() const {
  static const std::string kEmpty;
  return program_ ? program_->text : kEmpty;
}

const std::vector<std::string>& Expression::unresolved_names() const {
  static const std::vector<std::string> kNone;
  return program_ ? program_->unresolved : kNone;
}

const std::vector<std::string>& UnaryTests::unresolved_names() const {
  static const std::vector<std::string> kNone;
  return program_ ? program_->unresolved : kNone;
}

Value UnaryTests::Evaluate(Frame& frame, const Value& input) const {
  if (!program_) return Value();
  return RunProgram(*program_, frame.data(), frame.size(), frame.context(), &input);
}

const std::string& UnaryTests::text() const {
  static const std::string kEmpty;
  return program_ ? program_->text : kEmpty;
}

Result<Expression> CompileExpression(std::string_view text, const Scope& scope) {
  PROAKTIV_ASSIGN_OR_RETURN(auto p, CompileProgram(text, scope, false));
  return Expression(std::move(p));
}

Result<UnaryTests> CompileUnaryTests(std::string_view text, const Scope& scope) {
  PROAKTIV_ASSIGN_OR_RETURN(auto p, CompileProgram(text, scope, true));
  return UnaryTests(std::move(p));
}

Value Invoke(const Value& fn, const Arguments& args, EvalContext& ctx) {
  if (!fn.is(ValueKind::kFunction)) {
    ctx.AddMessage("cannot invoke " + std::string(KindName(fn.kind())) + ": not a function");
    return Value();
  }
  return fn.AsFunction().Invoke(args, ctx);
}

Result<Value> EvaluateExpression(std::string_view text,
                                 const std::vector<std::pair<std::string, Value>>& inputs) {
  Scope scope;
  for (const auto& [name, v] : inputs) scope.Define(name, nullptr);
  PROAKTIV_ASSIGN_OR_RETURN(Expression e, CompileExpression(text, scope));
  Frame frame(scope);
  for (const auto& [name, v] : inputs) frame.Set(scope.Find(NormalizeName(name)), v);
  return e.Evaluate(frame);
}

Value BuiltinFunction(std::string_view name) {
  const BuiltinDef* def = FindBuiltin(name);
  return def ? BuiltinValue(*def) : Value();
}

}  // namespace proaktiv::feel
