#pragma once

// Compiled boxed expressions. Every DMN boxed expression (literal, context, list, relation,
// invocation, function definition, decision table, conditional, filter, iterator) becomes a
// Node whose FEEL texts were compiled once against the enclosing Scope.
//
// Slots: names introduced inside a boxed expression (context entries, parameters, iterator
// variables) get slots appended to the enclosing Scope, so one Frame sized to
// `CompileEnv::max_slots` serves a whole decision. A node that writes slots restores their
// previous values when it is done, so shadowing an outer name is safe.
//
// Problems found while compiling are appended to `CompileEnv::problems` (prefixed with
// `where`) and the faulty part compiles to a node that yields null with that message, so one
// pass reports every problem of a model. Nodes are immutable and thread-safe; each evaluation
// uses its own Frame.

#include <memory>
#include <string>
#include <vector>

#include "dmn/item_definition.h"
#include "dmn/model.h"
#include "feel/feel.h"

namespace proaktiv::dmn {

class Node {
 public:
  virtual ~Node() = default;
  // Evaluates with `frame` holding the values of the compile-time scope. Errors yield null and
  // a message in frame.context().
  virtual feel::Value Eval(feel::Frame& frame) const = 0;
};
using NodePtr = std::shared_ptr<const Node>;

struct CompileEnv {
  feel::Scope scope;
  TypeResolver* types = nullptr;                   // not owned
  std::vector<std::string>* problems = nullptr;    // not owned
  std::string where;                               // "decision 'X' (id d1)", prefix of problems
  std::shared_ptr<int32_t> max_slots;              // shared by every env of one decision
  std::vector<std::string>* unresolved = nullptr;  // not owned; collects unknown names if set

  // Records a problem "<where>: <what>".
  void Problem(const std::string& what) const;
  // Records a name the FEEL compiler could not resolve (a problem, and into `unresolved`).
  void UnknownName(const std::string& name, const std::string& what = "") const;
  // Defines `name` in this env's scope and keeps max_slots up to date.
  feel::Slot Define(const std::string& name, feel::TypePtr type = nullptr);
  // The same env with `what` appended to `where`.
  CompileEnv Nested(const std::string& what) const;
};

// A node that always yields null with `message`.
NodePtr ErrorNode(std::string message);

// Compiles a FEEL literal expression text; on a compile error records a problem and returns an
// ErrorNode.
NodePtr CompileFeel(const std::string& text, CompileEnv& env);

// Compiles any boxed expression. `expr` may be null (an empty expression yields null).
NodePtr CompileBoxed(const Expression* expr, CompileEnv& env);

// Wraps `node` so that its value is coerced to `type` (no-op when `type` is null).
NodePtr CoerceNode(NodePtr node, DmnTypePtr type, std::string what);

// Resolves a typeRef in `env`, recording a problem and returning null (Any) when unknown.
DmnTypePtr ResolveType(const std::string& type_ref, CompileEnv& env);

// A function value for a FEEL function definition whose body is `body`, closing over a copy
// of `frame`. Parameters are coerced to their types; the result to `result_type`.
struct FunctionShape {
  std::string name;
  std::vector<std::string> params;
  std::vector<feel::Slot> param_slots;
  std::vector<DmnTypePtr> param_types;
  DmnTypePtr result_type;
  NodePtr body;
  std::shared_ptr<int32_t> frame_size;
};
feel::Value MakeClosure(std::shared_ptr<const FunctionShape> shape, const feel::Frame& frame);

}  // namespace proaktiv::dmn
