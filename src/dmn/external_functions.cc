#include "dmn/external_functions.h"

#include <type_traits>

namespace proaktiv::dmn {

// True when FEEL `text` holds a function literal with an external body:
// `function(...) external {...}`.
bool HasExternalFunctionLiteral(std::string_view text) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  for (size_t pos = text.find("external"); pos != std::string_view::npos;
       pos = text.find("external", pos + 1)) {
    size_t before = pos;
    while (before > 0 && is_space(text[before - 1])) --before;
    size_t after = pos + 8;
    while (after < text.size() && is_space(text[after])) ++after;
    if (before > 0 && text[before - 1] == ')' && after < text.size() && text[after] == '{') {
      return true;
    }
  }
  return false;
}

// True when `expr` contains an external (Java / PMML) function definition, boxed or FEEL.
bool UsesExternal(const Expression* expr) {
  if (expr == nullptr) return false;
  return std::visit(
      [](const auto& e) -> bool {
        using T = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<T, LiteralExpression>) {
          return HasExternalFunctionLiteral(e.text);
        } else if constexpr (std::is_same_v<T, Context>) {
          for (const auto& entry : e.entries) {
            if (UsesExternal(entry.value.get())) return true;
          }
          return false;
        } else if constexpr (std::is_same_v<T, List>) {
          for (const auto& item : e.items) {
            if (UsesExternal(item.get())) return true;
          }
          return false;
        } else if constexpr (std::is_same_v<T, Relation>) {
          for (const auto& row : e.rows) {
            for (const auto& cell : row) {
              if (UsesExternal(cell.get())) return true;
            }
          }
          return false;
        } else if constexpr (std::is_same_v<T, Invocation>) {
          for (const auto& b : e.bindings) {
            if (UsesExternal(b.value.get())) return true;
          }
          return UsesExternal(e.callee.get());
        } else if constexpr (std::is_same_v<T, FunctionDefinition>) {
          return e.kind != FunctionKind::kFeel || UsesExternal(e.body.get());
        } else if constexpr (std::is_same_v<T, Conditional>) {
          return UsesExternal(e.if_expr.get()) || UsesExternal(e.then_expr.get()) ||
                 UsesExternal(e.else_expr.get());
        } else if constexpr (std::is_same_v<T, Filter>) {
          return UsesExternal(e.in.get()) || UsesExternal(e.match.get());
        } else if constexpr (std::is_same_v<T, Iterator>) {
          return UsesExternal(e.in.get()) || UsesExternal(e.body.get());
        } else {
          return false;
        }
      },
      expr->kind);
}

}  // namespace proaktiv::dmn
