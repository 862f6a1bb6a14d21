#pragma once

// Built-in function registry (spec 10.3.4). Internal. Each built-in has one or more
// signatures (parameter names in the spec's spelling); a call binds positional or named
// arguments to the first signature that fits, then runs its implementation.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "feel/feel.h"
#include "feel/value.h"

namespace proaktiv::feel {

using BuiltinImpl = Value (*)(std::span<const Value> args, EvalContext& ctx);

struct Signature {
  std::vector<std::string> params;
  size_t required = 0;    // leading parameters that must be given
  bool variadic = false;  // last parameter takes the rest (positional calls only)
  BuiltinImpl impl = nullptr;
  bool named_ok = true;  // false: only for positional calls
};

struct BuiltinDef {
  std::string name;
  std::vector<Signature> signatures;
};

// Registration, one function per family (builtins_*.cc).
void RegisterConversionBuiltins(std::vector<BuiltinDef>& out);
void RegisterStringBuiltins(std::vector<BuiltinDef>& out);
void RegisterListBuiltins(std::vector<BuiltinDef>& out);
void RegisterSortBuiltins(std::vector<BuiltinDef>& out);
void RegisterNumericBuiltins(std::vector<BuiltinDef>& out);
void RegisterContextBuiltins(std::vector<BuiltinDef>& out);
void RegisterRangeBuiltins(std::vector<BuiltinDef>& out);
void RegisterTemporalBuiltins(std::vector<BuiltinDef>& out);

const BuiltinDef* FindBuiltin(std::string_view name);
const std::vector<BuiltinDef>& AllBuiltins();
Value CallBuiltin(const BuiltinDef& def, const Arguments& args, EvalContext& ctx);
// The built-in as a first-class function value (shared, created once).
Value BuiltinValue(const BuiltinDef& def);

// Helpers for implementations.
Value ErrorResult(EvalContext& ctx, std::string_view fn, std::string_view what);
// Args given as one list (e.g. max([1,2])) or as several values (max(1, 2)).
const List* VarargList(std::span<const Value> args, List& storage);

}  // namespace proaktiv::feel
