#pragma once

// Compiled FEEL: a tree of immutable nodes with names already resolved to slots. Internal.
// Nodes are built once by the compiler and evaluated many times; Eval must not mutate the
// node, so one Program can be evaluated from several threads with separate Envs.

#include <memory>
#include <string>
#include <vector>

#include "feel/feel.h"
#include "feel/value.h"

namespace proaktiv::feel {

// Run-time environment of one evaluation (or one call of a FEEL function).
struct Env {
  const Value* globals = nullptr;  // Frame slots
  size_t num_globals = 0;
  Value* locals = nullptr;          // this function level's locals
  const Value* captures = nullptr;  // closure captures (function bodies)
  const Value* self = nullptr;      // the function being executed (for recursion)
  EvalContext* ctx = nullptr;
  // Filter items currently in scope, innermost last; used for names unknown at compile time.
  std::vector<const Value*>* items = nullptr;
};

class Node {
 public:
  virtual ~Node() = default;
  virtual Value Eval(Env& env) const = 0;
};
using NodePtr = std::unique_ptr<Node>;

struct Program {
  std::string text;
  NodePtr root;
  int32_t num_locals = 0;
  int32_t input_slot = -1;  // unary tests: local slot of `?`
  // Names that resolved to nothing at compile time outside filters, in order of first use.
  std::vector<std::string> unresolved;
};

// Reports an error through the context and returns null.
Value Fail(Env& env, std::string message);

}  // namespace proaktiv::feel
