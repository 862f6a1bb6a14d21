#pragma once

// FEEL (DMN 1.5 chapter 10) entry points.
//
// Usage:
//   feel::Scope scope;
//   feel::Slot age = scope.Define("Applicant Age");           // names may contain spaces
//   auto expr = feel::CompileExpression("if Applicant Age >= 18 then \"adult\" else \"minor\"",
//                                       scope);                // Result<Expression>
//   feel::Frame frame(scope);
//   frame.Set(age, feel::Value::Int(21));
//   feel::Value v = expr->Evaluate(frame);                     // "adult"
//   // v is null on a FEEL error; frame.context().messages() says why.
//
// Unary tests (decision table input entries, allowed values):
//   auto tests = feel::CompileUnaryTests("< 18, [65..100]", scope);
//   feel::Value hit = tests->Evaluate(frame, feel::Value::Int(70));  // true
//
// Native functions (business knowledge models, decision services): put a function value in a
// slot; FEEL code then calls it with positional or named arguments:
//   feel::Slot f = scope.Define("Risk score");
//   frame.Set(f, feel::Value::NativeFunction("Risk score", {"age", "income"},
//       [](std::span<const feel::Value> args, feel::EvalContext&) { ... }));
//
// Name resolution happens at compile time: every name is resolved to a slot of the Scope, a
// local variable of the expression, or a built-in function. Names that are unknown at compile
// time are looked up at run time only inside filters (the item's context entries) and
// otherwise evaluate to null with a message.
//
// Thread-safety: Scope and Frame are not synchronised (one thread builds/uses each).
// Expression and UnaryTests are immutable after compilation and may be evaluated from several
// threads at once, each with its own Frame. Values are immutable.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "feel/type.h"
#include "feel/value.h"

namespace proaktiv::feel {

using Slot = int32_t;

// Compile-time names visible to an expression, each bound to a slot of a Frame. Copyable
// (copies are independent); slots are numbered 0..size()-1 in definition order.
class Scope {
 public:
  Scope() = default;
  // Defines `name` (redefinition gives the existing slot a new type). `type` is optional and
  // lets the compiler know the fields of context-typed names (for paths like
  // `Applicant.Monthly Income`).
  Slot Define(std::string_view name, TypePtr type = nullptr);
  // The slot of `name`, or -1.
  Slot Find(std::string_view name) const;
  int32_t size() const { return static_cast<int32_t>(names_.size()); }
  const std::vector<std::string>& names() const { return names_; }
  const std::vector<TypePtr>& types() const { return types_; }

 private:
  std::vector<std::string> names_;
  std::vector<TypePtr> types_;
};

// Per-evaluation state: the clock used by now()/today(), and the messages explaining nulls.
class EvalContext {
 public:
  EvalContext();
  void set_clock(const Clock* clock) { clock_ = clock; }  // not owned; must outlive use
  const Clock& clock() const { return *clock_; }
  // The zone now() and today() report local time in: an IANA id ("Europe/Oslo") or an offset
  // ("+01:00", "Z"). Empty (the default) means the system's local zone.
  void set_time_zone(std::string zone) { time_zone_ = std::move(zone); }
  const std::string& time_zone() const { return time_zone_; }
  // Messages accumulate until cleared; each explains an error that produced null.
  void AddMessage(std::string message);
  const std::vector<std::string>& messages() const { return messages_; }
  void ClearMessages() { messages_.clear(); }

 private:
  const Clock* clock_;
  std::string time_zone_;
  std::vector<std::string> messages_;
};

// Slot values for one evaluation environment. Sized from a Scope; slots not set are null.
class Frame {
 public:
  explicit Frame(const Scope& scope) : slots_(static_cast<size_t>(scope.size())) {}
  explicit Frame(size_t slots) : slots_(slots) {}
  void Set(Slot slot, Value v) { slots_[static_cast<size_t>(slot)] = std::move(v); }
  const Value& Get(Slot slot) const { return slots_[static_cast<size_t>(slot)]; }
  size_t size() const { return slots_.size(); }
  // Grows the frame if the scope gained names after the frame was made.
  void Resize(size_t slots) {
    if (slots > slots_.size()) slots_.resize(slots);
  }
  const Value* data() const { return slots_.data(); }
  EvalContext& context() { return context_; }

 private:
  std::vector<Value> slots_;
  EvalContext context_;
};

struct Program;  // compiled form (internal)

// A compiled FEEL expression. Cheap to copy (shared immutable program).
class Expression {
 public:
  Expression() = default;
  explicit Expression(std::shared_ptr<const Program> p) : program_(std::move(p)) {}
  // Evaluates with the frame's slots as the scope's names. The frame must have at least as
  // many slots as the Scope had when compiling. Never fails: errors give null and a message
  // in frame.context().
  Value Evaluate(Frame& frame) const;
  const std::string& text() const;
  // Names the compiler could not resolve (not in the Scope, not local, not a built-in),
  // outside filter predicates, in order of first use. Each evaluates to null with an
  // "unknown name" message; callers that validate models report them as errors. Names inside
  // filters are not listed: they may be entries of the filtered items.
  const std::vector<std::string>& unresolved_names() const;

 private:
  std::shared_ptr<const Program> program_;
};

// Compiled unary tests (spec 10.3.2.x "positive unary tests", "-", "not(...)").
class UnaryTests {
 public:
  UnaryTests() = default;
  explicit UnaryTests(std::shared_ptr<const Program> p) : program_(std::move(p)) {}
  // true if `input` satisfies the tests, false if not, null on error. The input is visible to
  // the tests as `?`.
  Value Evaluate(Frame& frame, const Value& input) const;
  const std::string& text() const;
  // As Expression::unresolved_names().
  const std::vector<std::string>& unresolved_names() const;

 private:
  std::shared_ptr<const Program> program_;
};

// Compile errors are kInvalidArgument with the position and what was expected.
Result<Expression> CompileExpression(std::string_view text, const Scope& scope);
Result<UnaryTests> CompileUnaryTests(std::string_view text, const Scope& scope);

// Calls a function value (e.g. a BKM's FEEL function definition) from C++. Null with a
// message if `fn` is not a function.
Value Invoke(const Value& fn, const Arguments& args, EvalContext& ctx);

// Compiles and evaluates `text` with the given named inputs. A compile error is returned as
// an error; an evaluation error yields a null value.
Result<Value> EvaluateExpression(std::string_view text,
                                 const std::vector<std::pair<std::string, Value>>& inputs);

// A FEEL function value implementing a built-in, looked up by name ("substring"); null if
// there is no such built-in.
Value BuiltinFunction(std::string_view name);

}  // namespace proaktiv::feel
