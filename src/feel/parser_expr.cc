// FEEL compiler: operators by precedence, `in`, `instance of`, filters, paths and calls.

#include <algorithm>
#include <string>
#include <utility>

#include "feel/compiler.h"

namespace proaktiv::feel {

namespace {

// Constant folding: a binary operation on two literals (`10 * 10`, `@"P1D" * 2`, `1 < 2`) is
// evaluated once at compile time and kept as a literal. An operation that reports an error
// is left as is, so that the error is still reported at evaluation time.
template <typename BinaryNode>
NodePtr FoldBinary(std::unique_ptr<BinaryNode> n) {
  if (!dynamic_cast<const LiteralNode*>(n->lhs.get()) ||
      !dynamic_cast<const LiteralNode*>(n->rhs.get()))
    return n;
  EvalContext ctx;
  Env env;
  env.ctx = &ctx;
  Value v = n->Eval(env);
  if (!ctx.messages().empty()) return n;
  return std::make_unique<LiteralNode>(std::move(v));
}

}  // namespace

NodePtr Compiler::Disjunction() {
  NodePtr lhs = Conjunction();
  while (lhs && IsWord(Peek(), "or")) {
    ++pos_;
    auto n = std::make_unique<LogicNode>();
    n->is_and = false;
    n->lhs = std::move(lhs);
    n->rhs = Conjunction();
    if (!n->rhs) return nullptr;
    lhs = FoldBinary(std::move(n));
  }
  return lhs;
}

NodePtr Compiler::Conjunction() {
  NodePtr lhs = Comparison();
  while (lhs && IsWord(Peek(), "and")) {
    ++pos_;
    auto n = std::make_unique<LogicNode>();
    n->is_and = true;
    n->lhs = std::move(lhs);
    n->rhs = Comparison();
    if (!n->rhs) return nullptr;
    lhs = FoldBinary(std::move(n));
  }
  return lhs;
}

NodePtr Compiler::Comparison() {
  NodePtr lhs = Additive();
  while (lhs) {
    const Token& t = Peek();
    CmpOp op;
    switch (t.kind) {
      case Tok::kEq:
        op = CmpOp::kEq;
        break;
      case Tok::kNe:
        op = CmpOp::kNe;
        break;
      case Tok::kLt:
        op = CmpOp::kLt;
        break;
      case Tok::kLe:
        op = CmpOp::kLe;
        break;
      case Tok::kGt:
        op = CmpOp::kGt;
        break;
      case Tok::kGe:
        op = CmpOp::kGe;
        break;
      default:
        if (IsWord(t, "between")) {
          ++pos_;
          auto n = std::make_unique<BetweenNode>();
          n->value = std::move(lhs);
          n->low = Additive();
          if (!n->low || !ExpectWord("and")) return nullptr;
          n->high = Additive();
          if (!n->high) return nullptr;
          lhs = std::move(n);
          continue;
        }
        if (IsWord(t, "in")) {
          ++pos_;
          lhs = InTests(std::move(lhs));
          continue;
        }
        if (IsWord(t, "instance") && IsWord(Peek(1), "of")) {
          pos_ += 2;
          auto n = std::make_unique<InstanceOfNode>();
          n->value = std::move(lhs);
          auto type = ParseTypeTokens(toks_, pos_);
          if (!type) return Error(type.error().message);
          n->type = *type;
          lhs = std::move(n);
          continue;
        }
        return lhs;
    }
    ++pos_;
    auto n = std::make_unique<CmpNode>();
    n->op = op;
    n->lhs = std::move(lhs);
    n->rhs = Additive();
    if (!n->rhs) return nullptr;
    lhs = FoldBinary(std::move(n));
  }
  return lhs;
}

NodePtr Compiler::InTests(NodePtr value) {
  auto n = std::make_unique<InNode>();
  n->value = std::move(value);
  n->input_slot = NewLocal();
  size_t mark = levels_.back().names.size();
  levels_.back().names.emplace_back("?", n->input_slot);
  bool list = false;
  if (Peek().kind == Tok::kLParen) {
    size_t depth = 0;
    for (size_t k = pos_; k < toks_.size(); ++k) {
      Tok t = toks_[k].kind;
      if (t == Tok::kLParen || t == Tok::kLBracket || t == Tok::kLBrace) ++depth;
      if (t == Tok::kRParen || t == Tok::kRBracket || t == Tok::kRBrace) {
        if (--depth == 0) break;
      }
      if (t == Tok::kComma && depth == 1) list = true;
      if (t == Tok::kEnd) break;
    }
  }
  bool saved = used_input_;
  if (list) {
    ++pos_;
    if (!TestList(*n, Tok::kRParen) || !Expect(Tok::kRParen, "')'")) return nullptr;
  } else {
    used_input_ = false;
    NodePtr t = Additive();
    if (!t) return nullptr;
    auto* lit = dynamic_cast<const LiteralNode*>(t.get());
    n->constants.push_back(lit ? &lit->value : nullptr);
    n->tests.push_back(std::move(t));
    n->uses_input.push_back(used_input_);
  }
  used_input_ = saved;
  levels_.back().names.resize(mark);
  return n;
}

NodePtr Compiler::Additive() {
  NodePtr lhs = Multiplicative();
  while (lhs && (Peek().kind == Tok::kPlus || Peek().kind == Tok::kMinus)) {
    auto n = std::make_unique<ArithNode>();
    n->op = Peek().kind == Tok::kPlus ? ArithOp::kAdd : ArithOp::kSub;
    ++pos_;
    n->lhs = std::move(lhs);
    n->rhs = Multiplicative();
    if (!n->rhs) return nullptr;
    lhs = FoldBinary(std::move(n));
  }
  return lhs;
}

NodePtr Compiler::Multiplicative() {
  NodePtr lhs = Power();
  while (lhs && (Peek().kind == Tok::kStar || Peek().kind == Tok::kSlash)) {
    auto n = std::make_unique<ArithNode>();
    n->op = Peek().kind == Tok::kStar ? ArithOp::kMul : ArithOp::kDiv;
    ++pos_;
    n->lhs = std::move(lhs);
    n->rhs = Power();
    if (!n->rhs) return nullptr;
    lhs = FoldBinary(std::move(n));
  }
  return lhs;
}

NodePtr Compiler::Power() {
  NodePtr lhs = Unary();
  while (lhs && Peek().kind == Tok::kPow) {
    ++pos_;
    auto n = std::make_unique<ArithNode>();
    n->op = ArithOp::kPow;
    n->lhs = std::move(lhs);
    n->rhs = Unary();
    if (!n->rhs) return nullptr;
    lhs = FoldBinary(std::move(n));
  }
  return lhs;
}

NodePtr Compiler::Unary() {
  if (Peek().kind == Tok::kMinus) {
    ++pos_;
    if (nesting_ >= kMaxNesting) return Error("expression nested too deeply");
    ++nesting_;
    NodePtr operand = Unary();
    --nesting_;
    if (!operand) return nullptr;
    if (auto* lit = dynamic_cast<LiteralNode*>(operand.get());
        lit && lit->value.is(ValueKind::kNumber)) {
      return std::make_unique<LiteralNode>(Value::Num(-lit->value.AsNumber()));
    }
    auto n = std::make_unique<NegNode>();
    n->operand = std::move(operand);
    return n;
  }
  return Postfix();
}

NodePtr Compiler::Postfix() {
  NodePtr e = Primary();
  while (e) {
    if (Peek().kind == Tok::kLBracket && !in_range_end_) {
      ++pos_;
      auto f = std::make_unique<FilterNode>();
      f->base = std::move(e);
      size_t mark = levels_.back().names.size();
      f->item_slot = DefineLocal("item");
      ++filter_depth_;
      bool saved_range = in_range_end_;
      in_range_end_ = false;
      f->predicate = Expr();
      in_range_end_ = saved_range;
      --filter_depth_;
      levels_.back().names.resize(mark);
      if (!f->predicate || !Expect(Tok::kRBracket, "']'")) return nullptr;
      e = std::move(f);
    } else if (Peek().kind == Tok::kDot) {
      ++pos_;
      if (Peek().kind != Tok::kName) return Error("expected a name after '.'");
      auto p = std::make_unique<PathNode>();
      p->base = std::move(e);
      p->name = ReadPathName();
      e = std::move(p);
    } else if (Peek().kind == Tok::kLParen) {
      auto c = std::make_unique<CallNode>();
      c->callee = std::move(e);
      if (!Args(*c)) return nullptr;
      e = std::move(c);
    } else {
      break;
    }
  }
  return e;
}

bool Compiler::Args(CallNode& c) {
  ++pos_;  // (
  if (Peek().kind == Tok::kRParen) {
    ++pos_;
    return true;
  }
  while (true) {
    size_t k = pos_;
    while (toks_[k].kind == Tok::kName) ++k;
    if (k > pos_ && toks_[k].kind == Tok::kColon) {
      std::string name;
      for (size_t i = pos_; i < k; ++i) name += (i > pos_ ? " " : "") + toks_[i].text;
      pos_ = k + 1;
      if (!c.args.empty() && c.names.empty()) {
        Error("cannot mix positional and named arguments");
        return false;
      }
      c.names.push_back(std::move(name));
    } else if (!c.names.empty()) {
      Error("cannot mix positional and named arguments");
      return false;
    }
    NodePtr a = Expr();
    if (!a) return false;
    c.args.push_back(std::move(a));
    if (Peek().kind == Tok::kComma) {
      ++pos_;
      continue;
    }
    return Expect(Tok::kRParen, "')' or ','");
  }
}

}  // namespace proaktiv::feel
