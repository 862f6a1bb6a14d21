// FEEL compiler: unary tests (decision table input entries, allowed values).

#include <algorithm>
#include <string>
#include <utility>

#include "feel/compiler.h"

namespace proaktiv::feel {

NodePtr Compiler::UnaryTestsTop(int32_t input_slot) {
  auto node = std::make_unique<InNode>();
  node->input_slot = input_slot;
  levels_.back().names.emplace_back("?", input_slot);
  if (Peek().kind == Tok::kMinus && Peek(1).kind == Tok::kEnd) {
    ++pos_;
    node->dash = true;
    return node;
  }
  bool negated = false;
  if (IsWord(Peek(), "not") && Peek(1).kind == Tok::kLParen) {
    // not(...) wrapping the whole test list
    size_t depth = 0, k = pos_ + 1;
    for (; k < toks_.size(); ++k) {
      Tok t = toks_[k].kind;
      if (t == Tok::kLParen || t == Tok::kLBracket || t == Tok::kLBrace) ++depth;
      if (t == Tok::kRParen || t == Tok::kRBracket || t == Tok::kRBrace) {
        if (--depth == 0) break;
      }
    }
    if (k + 1 < toks_.size() && toks_[k + 1].kind == Tok::kEnd) {
      negated = true;
      pos_ += 2;
    }
  }
  if (!TestList(*node, negated ? Tok::kRParen : Tok::kEnd)) return nullptr;
  if (negated && !Expect(Tok::kRParen, "')'")) return nullptr;
  node->negated = negated;
  return node;
}

bool Compiler::TestList(InNode& node, Tok end) {
  while (true) {
    used_input_ = false;
    NodePtr t = Expr();
    if (!t) return false;
    auto* lit = dynamic_cast<const LiteralNode*>(t.get());
    node.constants.push_back(lit ? &lit->value : nullptr);
    node.tests.push_back(std::move(t));
    node.uses_input.push_back(used_input_);
    if (Peek().kind != Tok::kComma) break;
    ++pos_;
  }
  used_input_ = false;
  if (Peek().kind != end) {
    Error(end == Tok::kRParen ? "expected ',' or ')'" : "expected ',' or the end of the tests");
    return false;
  }
  return true;
}

}  // namespace proaktiv::feel
