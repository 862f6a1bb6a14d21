// FEEL compiler: literals, ranges, contexts, function literals and iterations.

#include <algorithm>
#include <string>
#include <utility>

#include "feel/builtins.h"
#include "feel/compiler.h"

namespace proaktiv::feel {

namespace {

bool IsLiteralOrAbsent(const NodePtr& n) {
  return !n || dynamic_cast<const LiteralNode*>(n.get()) != nullptr;
}

// Constant folding: a range whose endpoints are literals (`[18..65]`, `< 18`, `(=x)` with a
// literal x) evaluates to the same value every time, so it is built once here and kept as a
// literal. A range whose evaluation reports an error is left as is, so that the error is
// still reported at evaluation time.
NodePtr FoldRange(std::unique_ptr<RangeNode> r) {
  if (!IsLiteralOrAbsent(r->low) || !IsLiteralOrAbsent(r->high)) return r;
  EvalContext ctx;
  Env env;
  env.ctx = &ctx;
  Value v = r->Eval(env);
  if (!ctx.messages().empty() || !v.is(ValueKind::kRange)) return r;
  return std::make_unique<LiteralNode>(std::move(v));
}

}  // namespace

NodePtr Compiler::RangeRest(NodePtr low, bool low_closed) {
  if (!Expect(Tok::kDotDot, "'..'")) return nullptr;
  auto r = std::make_unique<RangeNode>();
  r->low = std::move(low);
  r->low_closed = low_closed;
  bool saved = in_range_end_;
  in_range_end_ = true;
  r->high = Expr();
  in_range_end_ = saved;
  if (!r->high) return nullptr;
  Tok t = Peek().kind;
  if (t == Tok::kRBracket) {
    r->high_closed = true;
  } else if (t == Tok::kRParen || t == Tok::kLBracket) {
    r->high_closed = false;
  } else {
    return Error("expected ']', ')' or '[' to close the range");
  }
  ++pos_;
  return FoldRange(std::move(r));
}

NodePtr Compiler::UnaryRange() {
  Tok t = Peek().kind;
  ++pos_;
  auto r = std::make_unique<RangeNode>();
  NodePtr e = Additive();
  if (!e) return nullptr;
  switch (t) {
    case Tok::kLt:
      r->high = std::move(e), r->high_closed = false;
      break;
    case Tok::kLe:
      r->high = std::move(e), r->high_closed = true;
      break;
    case Tok::kGt:
      r->low = std::move(e), r->low_closed = false;
      break;
    case Tok::kGe:
      r->low = std::move(e), r->low_closed = true;
      break;
    case Tok::kEq:
      r->op = Range::Op::kEqual, r->low = std::move(e);
      break;
    default:
      r->op = Range::Op::kNotEqual, r->low = std::move(e);
      break;
  }
  return FoldRange(std::move(r));
}

NodePtr Compiler::Primary() {
  const Token& t = Peek();
  if (in_range_end_ &&
      (t.kind == Tok::kLParen || t.kind == Tok::kLBracket || t.kind == Tok::kLBrace)) {
    in_range_end_ = false;
    NodePtr n = Primary();
    in_range_end_ = true;
    return n;
  }
  switch (t.kind) {
    case Tok::kNumber: {
      auto n = Number::Parse(t.text);
      if (!n) return Error("bad number '" + t.text + "'");
      ++pos_;
      return std::make_unique<LiteralNode>(Value::Num(*n));
    }
    case Tok::kString: {
      ++pos_;
      return std::make_unique<LiteralNode>(Value::String(toks_[pos_ - 1].text));
    }
    case Tok::kAt: {
      ++pos_;
      if (Peek().kind != Tok::kString) return Error("expected a string after '@'");
      std::string s = Peek().text;
      ++pos_;
      Value v;
      if (auto dt = ParseDateTime(s)) {
        v = Value::FromDateTime(*dt);
      } else if (auto d = ParseDate(s)) {
        v = Value::FromDate(*d);
      } else if (auto tm = ParseTime(s)) {
        v = Value::FromTime(*tm);
      } else if (auto ym = ParseYearMonthDuration(s)) {
        v = Value::FromDuration(*ym);
      } else if (auto dtd = ParseDayTimeDuration(s)) {
        v = Value::FromDuration(*dtd);
      } else {
        return std::make_unique<ErrorNode>("invalid temporal literal @\"" + s + "\"");
      }
      return std::make_unique<LiteralNode>(v);
    }
    case Tok::kLParen: {
      ++pos_;
      if (IsCmpTok(Peek().kind)) {
        NodePtr r = UnaryRange();
        if (!r || !Expect(Tok::kRParen, "')'")) return nullptr;
        return r;
      }
      NodePtr e = Expr();
      if (!e) return nullptr;
      if (Peek().kind == Tok::kDotDot) return RangeRest(std::move(e), false);
      if (!Expect(Tok::kRParen, "')'")) return nullptr;
      return e;
    }
    case Tok::kRBracket: {
      ++pos_;
      NodePtr e = Expr();
      if (!e) return nullptr;
      return RangeRest(std::move(e), false);
    }
    case Tok::kLBracket: {
      ++pos_;
      auto list = std::make_unique<ListNode>();
      if (Peek().kind == Tok::kRBracket) {
        ++pos_;
        return list;
      }
      NodePtr first = Expr();
      if (!first) return nullptr;
      if (Peek().kind == Tok::kDotDot) return RangeRest(std::move(first), true);
      list->items.push_back(std::move(first));
      while (Peek().kind == Tok::kComma) {
        ++pos_;
        NodePtr e = Expr();
        if (!e) return nullptr;
        list->items.push_back(std::move(e));
      }
      if (!Expect(Tok::kRBracket, "']' or ','")) return nullptr;
      return list;
    }
    case Tok::kLBrace:
      return ContextLiteral();
    case Tok::kLt:
    case Tok::kLe:
    case Tok::kGt:
    case Tok::kGe:
    case Tok::kEq:
    case Tok::kNe:
      return UnaryRange();
    case Tok::kName: {
      if (t.text == "true" || t.text == "false") {
        ++pos_;
        return std::make_unique<LiteralNode>(Value::Boolean(toks_[pos_ - 1].text == "true"));
      }
      if (t.text == "null") {
        ++pos_;
        return std::make_unique<LiteralNode>(Value());
      }
      if (t.text == "if" && !IsKnown("if")) {
        ++pos_;
        auto n = std::make_unique<IfNode>();
        n->cond = Expr();
        if (!n->cond || !ExpectWord("then")) return nullptr;
        n->then_branch = Expr();
        if (!n->then_branch || !ExpectWord("else")) return nullptr;
        n->else_branch = Expr();
        if (!n->else_branch) return nullptr;
        return n;
      }
      if (t.text == "for" && Peek(1).kind == Tok::kName) return Iteration(false, false);
      if ((t.text == "some" || t.text == "every") && Peek(1).kind == Tok::kName)
        return Iteration(true, t.text == "every");
      if (t.text == "function" && Peek(1).kind == Tok::kLParen) return FunctionLiteral();
      std::string name = ReadName();
      if (Peek().kind == Tok::kLParen) {
        bool shadowed = Resolve(levels_.size() - 1, name).has_value();
        if (const BuiltinDef* def = shadowed ? nullptr : FindBuiltin(name)) {
          auto c = std::make_unique<CallNode>();
          c->builtin = def;
          if (!Args(*c)) return nullptr;
          return c;
        }
      }
      return NameNode(name);
    }
    default:
      return Error(t.kind == Tok::kEnd ? "unexpected end of expression"
                                       : "unexpected '" + t.text + "'");
  }
}

NodePtr Compiler::ContextLiteral() {
  ++pos_;  // {
  auto ctx = std::make_unique<ContextNode>();
  size_t mark = levels_.back().names.size();
  while (Peek().kind != Tok::kRBrace) {
    std::string key;
    if (Peek().kind == Tok::kString) {
      key = Peek().text;
      ++pos_;
    } else {
      size_t start = pos_;
      while (Peek().kind != Tok::kColon && Peek().kind != Tok::kEnd && Peek().kind != Tok::kComma &&
             Peek().kind != Tok::kRBrace)
        ++pos_;
      if (pos_ == start) return Error("expected a context key");
      for (size_t i = start; i < pos_; ++i) {
        if (i > start && toks_[i].space_before) key += ' ';
        key += toks_[i].text;
      }
    }
    if (!Expect(Tok::kColon, "':'")) return nullptr;
    if (IsWord(Peek(), "function")) pending_self_ = key;
    NodePtr v = Expr();
    pending_self_.clear();
    if (!v) return nullptr;
    for (const auto& e : ctx->entries)
      if (e.key == key) ctx->duplicate_key = key;
    int32_t slot = DefineLocal(key);
    ctx->entries.push_back({key, slot, std::move(v)});
    if (Peek().kind == Tok::kComma) {
      ++pos_;
      continue;
    }
    if (Peek().kind != Tok::kRBrace) return Error("expected ',' or '}'");
  }
  ++pos_;
  levels_.back().names.resize(mark);
  return ctx;
}

NodePtr Compiler::FunctionLiteral() {
  pos_ += 2;  // function (
  auto def = std::make_shared<FunctionDef>();
  levels_.emplace_back();
  levels_.back().self_name = std::move(pending_self_);
  pending_self_.clear();
  while (Peek().kind != Tok::kRParen) {
    std::string p = ReadDeclName();
    if (!ok()) return nullptr;
    TypePtr type;
    if (Peek().kind == Tok::kColon) {
      ++pos_;
      auto t = ParseTypeTokens(toks_, pos_);
      if (!t) return Error(t.error().message);
      type = *t;
    }
    def->params.push_back(p);
    def->param_types.push_back(type);
    DefineLocal(p);
    if (Peek().kind == Tok::kComma)
      ++pos_;
    else if (Peek().kind != Tok::kRParen)
      return Error("expected ',' or ')'");
  }
  ++pos_;
  if (IsWord(Peek(), "external")) {
    ++pos_;
    def->external = true;
  }
  def->body = Expr();
  if (!def->body) return nullptr;
  def->num_locals = levels_.back().num_locals;
  def->captures = levels_.back().captures;
  def->has_self_name = !levels_.back().self_name.empty();
  levels_.pop_back();
  auto n = std::make_unique<FunctionNode>();
  n->def = std::move(def);
  return n;
}

NodePtr Compiler::Iteration(bool quantifier, bool every) {
  ++pos_;  // for / some / every
  auto n = std::make_unique<ForNode>();
  n->quantifier = quantifier;
  n->every = every;
  size_t mark = levels_.back().names.size();
  while (true) {
    std::string var = ReadDeclName();
    if (!ok() || !ExpectWord("in")) return nullptr;
    ForNode::Iteration it;
    it.domain = Expr();
    if (!it.domain) return nullptr;
    if (Peek().kind == Tok::kDotDot) {
      ++pos_;
      it.range_end = Expr();
      if (!it.range_end) return nullptr;
    }
    it.slot = DefineLocal(var);
    n->iterations.push_back(std::move(it));
    if (Peek().kind != Tok::kComma) break;
    ++pos_;
  }
  if (quantifier) {
    if (!ExpectWord("satisfies")) return nullptr;
  } else {
    if (!ExpectWord("return")) return nullptr;
    n->partial_slot = DefineLocal("partial");
  }
  n->body = Expr();
  levels_.back().names.resize(mark);
  if (!n->body) return nullptr;
  return n;
}

}  // namespace proaktiv::feel
