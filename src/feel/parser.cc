#include "feel/parser.h"

#include <algorithm>
#include <string>
#include <utility>

#include "feel/builtins.h"
#include "feel/compiler.h"

namespace proaktiv::feel {

bool IsReserved(std::string_view w) {
  static const char* kWords[] = {"and",   "or",       "in",        "instance", "between", "then",
                                 "else",  "return",   "satisfies", "if",       "for",     "some",
                                 "every", "function", "true",      "false",    "null",    "of"};
  for (const char* k : kWords)
    if (w == k) return true;
  return false;
}

namespace {

void CollectFieldNames(const TypePtr& t, std::vector<std::string>& out, int depth) {
  if (!t || depth > 8) return;
  for (const auto& [k, ft] : t->fields()) {
    out.push_back(k);
    CollectFieldNames(ft, out, depth + 1);
  }
  if (t->element()) CollectFieldNames(t->element(), out, depth + 1);
}

}  // namespace

const std::vector<std::string>& Compiler::SortedBuiltinNames() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& b : AllBuiltins()) out.push_back(b.name);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }();
  return names;
}

Compiler::Compiler(std::string_view src, std::vector<Token> toks, const Scope& scope)
    : src_(src), toks_(std::move(toks)), scope_(scope) {
  levels_.emplace_back();
  for (const auto& n : scope.names()) candidates_.push_back(n);
  for (const auto& t : scope.types()) CollectFieldNames(t, candidates_, 0);
  std::sort(candidates_.begin(), candidates_.end());
  candidates_.erase(std::unique(candidates_.begin(), candidates_.end()), candidates_.end());
}

Result<std::shared_ptr<const Program>> Compiler::Run(bool unary_tests) {
  auto program = std::make_shared<Program>();
  program->text = std::string(src_);
  if (unary_tests) {
    program->input_slot = NewLocal();
    program->root = UnaryTestsTop(program->input_slot);
  } else {
    program->root = Expr();
  }
  if (ok() && Peek().kind != Tok::kEnd) Error("unexpected '" + Peek().text + "'");
  if (ok() && !program->root) Error("invalid expression");  // a rule failed without a message
  if (!ok()) return InvalidArgument(error_);
  program->num_locals = levels_[0].num_locals;
  program->unresolved = std::move(unresolved_);
  return std::shared_ptr<const Program>(std::move(program));
}

Result<std::shared_ptr<const Program>> CompileProgram(std::string_view text, const Scope& scope,
                                                      bool unary_tests) {
  PROAKTIV_ASSIGN_OR_RETURN(auto toks, Tokenize(text));
  Compiler c(text, std::move(toks), scope);
  return c.Run(unary_tests);
}

}  // namespace proaktiv::feel
