#include "feel/parser.h"

#include <algorithm>
#include <string>
#include <utility>

#include "feel/builtins.h"
#include "feel/nodes.h"

namespace proaktiv::feel {
namespace {

bool IsReserved(std::string_view w) {
  static const char* kWords[] = {"and",   "or",       "in",        "instance", "between", "then",
                                 "else",  "return",   "satisfies", "if",       "for",     "some",
                                 "every", "function", "true",      "false",    "null",    "of"};
  for (const char* k : kWords)
    if (w == k) return true;
  return false;
}

struct Binding {
  enum class Kind { kLocal, kGlobal, kCapture, kSelf } kind;
  int32_t index;
};

struct Level {
  std::vector<std::pair<std::string, int32_t>> names;  // locals, innermost last
  std::vector<std::string> capture_names;
  std::vector<CaptureSource> captures;
  std::string self_name;
  int32_t num_locals = 0;
};

void CollectFieldNames(const TypePtr& t, std::vector<std::string>& out, int depth) {
  if (!t || depth > 8) return;
  for (const auto& [k, ft] : t->fields()) {
    out.push_back(k);
    CollectFieldNames(ft, out, depth + 1);
  }
  if (t->element()) CollectFieldNames(t->element(), out, depth + 1);
}

class Compiler {
 public:
  Compiler(std::string_view src, std::vector<Token> toks, const Scope& scope)
      : src_(src), toks_(std::move(toks)), scope_(scope) {
    levels_.emplace_back();
    for (const auto& n : scope.names()) candidates_.push_back(n);
    for (const auto& t : scope.types()) CollectFieldNames(t, candidates_, 0);
    for (const auto& b : AllBuiltins()) candidates_.push_back(b.name);
    std::sort(candidates_.begin(), candidates_.end());
    candidates_.erase(std::unique(candidates_.begin(), candidates_.end()), candidates_.end());
  }

  Result<std::shared_ptr<const Program>> Run(bool unary_tests) {
    auto program = std::make_shared<Program>();
    program->text = std::string(src_);
    if (unary_tests) {
      program->input_slot = NewLocal();
      program->root = UnaryTestsTop(program->input_slot);
    } else {
      program->root = Expr();
    }
    if (ok() && Peek().kind != Tok::kEnd) Error("unexpected '" + Peek().text + "'");
    if (!ok()) return InvalidArgument(error_);
    program->num_locals = levels_[0].num_locals;
    return std::shared_ptr<const Program>(std::move(program));
  }

 private:
  // ---- token helpers
  const Token& Peek(size_t k = 0) const { return toks_[std::min(pos_ + k, toks_.size() - 1)]; }
  bool IsWord(const Token& t, std::string_view w) const {
    return t.kind == Tok::kName && t.text == w;
  }
  bool ok() const { return error_.empty(); }
  std::nullptr_t Error(const std::string& msg) {
    if (error_.empty())
      error_ = "FEEL syntax error at offset " + std::to_string(Peek().begin) + " in \"" +
               std::string(src_) + "\": " + msg;
    return nullptr;
  }
  bool Expect(Tok k, const char* what) {
    if (Peek().kind != k) {
      Error(std::string("expected ") + what);
      return false;
    }
    ++pos_;
    return true;
  }
  bool ExpectWord(const char* w) {
    if (!IsWord(Peek(), w)) {
      Error(std::string("expected '") + w + "'");
      return false;
    }
    ++pos_;
    return true;
  }

  // ---- scopes
  int32_t NewLocal() { return levels_.back().num_locals++; }
  int32_t DefineLocal(std::string name) {
    int32_t slot = NewLocal();
    levels_.back().names.emplace_back(std::move(name), slot);
    return slot;
  }

  std::optional<Binding> Resolve(size_t level, const std::string& name) {
    Level& lv = levels_[level];
    for (auto it = lv.names.rbegin(); it != lv.names.rend(); ++it)
      if (it->first == name) return Binding{Binding::Kind::kLocal, it->second};
    if (!lv.self_name.empty() && lv.self_name == name) return Binding{Binding::Kind::kSelf, 0};
    for (size_t i = 0; i < lv.capture_names.size(); ++i)
      if (lv.capture_names[i] == name)
        return Binding{Binding::Kind::kCapture, static_cast<int32_t>(i)};
    if (level == 0) {
      Slot s = scope_.Find(name);
      if (s >= 0) return Binding{Binding::Kind::kGlobal, s};
      return std::nullopt;
    }
    auto outer = Resolve(level - 1, name);
    if (!outer) return std::nullopt;
    CaptureSource src{CaptureSource::Kind::kGlobal, outer->index};
    switch (outer->kind) {
      case Binding::Kind::kGlobal:
        src.kind = CaptureSource::Kind::kGlobal;
        break;
      case Binding::Kind::kLocal:
        src.kind = CaptureSource::Kind::kLocal;
        break;
      case Binding::Kind::kCapture:
        src.kind = CaptureSource::Kind::kCapture;
        break;
      case Binding::Kind::kSelf:
        src.kind = CaptureSource::Kind::kSelf;
        break;
    }
    lv.capture_names.push_back(name);
    lv.captures.push_back(src);
    return Binding{Binding::Kind::kCapture, static_cast<int32_t>(lv.captures.size() - 1)};
  }

  bool IsKnown(const std::string& name) {
    for (const Level& lv : levels_) {
      for (const auto& n : lv.names)
        if (n.first == name) return true;
      if (lv.self_name == name) return true;
    }
    return std::binary_search(candidates_.begin(), candidates_.end(), name);
  }

  // Number of tokens from pos_ that spell `cand`, or 0.
  size_t MatchTokens(const std::string& cand) const {
    size_t p = 0, k = pos_;
    while (p < cand.size()) {
      const Token& t = toks_[k];
      if (t.kind == Tok::kEnd || t.kind == Tok::kString) return 0;
      if (k > pos_ && t.space_before) {
        if (cand[p] != ' ') return 0;
        ++p;
      } else if (k > pos_ && cand[p] == ' ') {
        return 0;
      }
      if (cand.compare(p, t.text.size(), t.text) != 0) return 0;
      p += t.text.size();
      ++k;
    }
    return k - pos_;
  }

  // Reads a name at pos_: the longest known name, else a run of non-reserved words.
  std::string ReadName() {
    const std::string& first = Peek().text;
    size_t best = 0;
    std::string best_name;
    auto consider = [&](const std::string& cand) {
      if (cand.size() < first.size() || cand.compare(0, first.size(), first) != 0) return;
      size_t n = MatchTokens(cand);
      if (n > best) best = n, best_name = cand;
    };
    for (const Level& lv : levels_) {
      for (const auto& n : lv.names) consider(n.first);
      if (!lv.self_name.empty()) consider(lv.self_name);
    }
    auto lo = std::lower_bound(candidates_.begin(), candidates_.end(), first);
    for (auto it = lo; it != candidates_.end() && it->compare(0, first.size(), first) == 0; ++it)
      consider(*it);
    if (best > 0) {
      pos_ += best;
      return best_name;
    }
    std::string name = Peek().text;
    ++pos_;
    while (Peek().kind == Tok::kName && !IsReserved(Peek().text)) {
      name += (Peek().space_before ? " " : "") + Peek().text;
      ++pos_;
    }
    return name;
  }

  // A name after '.': the longer of the known-name match and the run of words.
  std::string ReadPathName() {
    size_t start = pos_;
    std::string known = ReadName();
    size_t known_end = pos_;
    pos_ = start;
    std::string joined = Peek().text;
    ++pos_;
    while (Peek().kind == Tok::kName && !IsReserved(Peek().text)) {
      joined += (Peek().space_before ? " " : "") + Peek().text;
      ++pos_;
    }
    if (pos_ >= known_end) return joined;
    pos_ = known_end;
    return known;
  }

  // Plain name for declarations (parameters, iteration variables): words up to a delimiter.
  std::string ReadDeclName() {
    std::string name;
    while (Peek().kind == Tok::kName && (name.empty() || !IsReserved(Peek().text))) {
      if (!name.empty()) name += " ";
      name += Peek().text;
      ++pos_;
    }
    if (name.empty()) Error("expected a name");
    return name;
  }

  NodePtr NameNode(const std::string& name) {
    NodePtr n = StaticNameNode(name);
    if (filter_depth_ > 0 && name != "?" && !dynamic_cast<DynamicNameNode*>(n.get())) {
      auto f = std::make_unique<FilterNameNode>();
      f->name = name;
      f->fallback = std::move(n);
      return f;
    }
    return n;
  }

  NodePtr StaticNameNode(const std::string& name) {
    if (name == "?") used_input_ = true;
    if (auto b = Resolve(levels_.size() - 1, name)) {
      switch (b->kind) {
        case Binding::Kind::kLocal:
          return std::make_unique<LocalNode>(b->index);
        case Binding::Kind::kGlobal:
          return std::make_unique<GlobalNode>(b->index);
        case Binding::Kind::kCapture:
          return std::make_unique<CaptureNode>(b->index);
        case Binding::Kind::kSelf:
          return std::make_unique<SelfNode>();
      }
    }
    if (const BuiltinDef* def = FindBuiltin(name))
      return std::make_unique<LiteralNode>(BuiltinValue(*def));
    return std::make_unique<DynamicNameNode>(name);
  }

  // ---- grammar
  NodePtr UnaryTestsTop(int32_t input_slot) {
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

  bool TestList(InNode& node, Tok end) {
    while (true) {
      used_input_ = false;
      NodePtr t = Expr();
      if (!t) return false;
      node.tests.push_back(std::move(t));
      node.uses_input.push_back(used_input_);
      if (Peek().kind != Tok::kComma) break;
      ++pos_;
    }
    used_input_ = false;
    return Peek().kind == end;
  }

  NodePtr Expr() { return Disjunction(); }

  NodePtr Disjunction() {
    NodePtr lhs = Conjunction();
    while (lhs && IsWord(Peek(), "or")) {
      ++pos_;
      auto n = std::make_unique<LogicNode>();
      n->is_and = false;
      n->lhs = std::move(lhs);
      n->rhs = Conjunction();
      if (!n->rhs) return nullptr;
      lhs = std::move(n);
    }
    return lhs;
  }

  NodePtr Conjunction() {
    NodePtr lhs = Comparison();
    while (lhs && IsWord(Peek(), "and")) {
      ++pos_;
      auto n = std::make_unique<LogicNode>();
      n->is_and = true;
      n->lhs = std::move(lhs);
      n->rhs = Comparison();
      if (!n->rhs) return nullptr;
      lhs = std::move(n);
    }
    return lhs;
  }

  NodePtr Comparison() {
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
      lhs = std::move(n);
    }
    return lhs;
  }

  NodePtr InTests(NodePtr value) {
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
      n->tests.push_back(std::move(t));
      n->uses_input.push_back(used_input_);
    }
    used_input_ = saved;
    levels_.back().names.resize(mark);
    return n;
  }

  NodePtr Additive() {
    NodePtr lhs = Multiplicative();
    while (lhs && (Peek().kind == Tok::kPlus || Peek().kind == Tok::kMinus)) {
      auto n = std::make_unique<ArithNode>();
      n->op = Peek().kind == Tok::kPlus ? ArithOp::kAdd : ArithOp::kSub;
      ++pos_;
      n->lhs = std::move(lhs);
      n->rhs = Multiplicative();
      if (!n->rhs) return nullptr;
      lhs = std::move(n);
    }
    return lhs;
  }

  NodePtr Multiplicative() {
    NodePtr lhs = Power();
    while (lhs && (Peek().kind == Tok::kStar || Peek().kind == Tok::kSlash)) {
      auto n = std::make_unique<ArithNode>();
      n->op = Peek().kind == Tok::kStar ? ArithOp::kMul : ArithOp::kDiv;
      ++pos_;
      n->lhs = std::move(lhs);
      n->rhs = Power();
      if (!n->rhs) return nullptr;
      lhs = std::move(n);
    }
    return lhs;
  }

  NodePtr Power() {
    NodePtr lhs = Unary();
    while (lhs && Peek().kind == Tok::kPow) {
      ++pos_;
      auto n = std::make_unique<ArithNode>();
      n->op = ArithOp::kPow;
      n->lhs = std::move(lhs);
      n->rhs = Unary();
      if (!n->rhs) return nullptr;
      lhs = std::move(n);
    }
    return lhs;
  }

  NodePtr Unary() {
    if (Peek().kind == Tok::kMinus) {
      ++pos_;
      NodePtr operand = Unary();
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

  NodePtr Postfix() {
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

  bool Args(CallNode& c) {
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

  NodePtr RangeRest(NodePtr low, bool low_closed) {
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
    return r;
  }

  NodePtr UnaryRange() {
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
    return r;
  }

  static bool IsCmpTok(Tok t) {
    return t == Tok::kLt || t == Tok::kLe || t == Tok::kGt || t == Tok::kGe || t == Tok::kEq ||
           t == Tok::kNe;
  }

  NodePtr Primary();
  NodePtr ContextLiteral();
  NodePtr FunctionLiteral();
  NodePtr Iteration(bool quantifier, bool every);

  std::string_view src_;
  std::vector<Token> toks_;
  const Scope& scope_;
  size_t pos_ = 0;
  std::string error_;
  std::vector<Level> levels_;
  std::vector<std::string> candidates_;
  bool used_input_ = false;
  std::string pending_self_;
  bool in_range_end_ = false;  // a '[' after the high endpoint closes the range
  int filter_depth_ = 0;
};

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

}  // namespace

Result<std::shared_ptr<const Program>> CompileProgram(std::string_view text, const Scope& scope,
                                                      bool unary_tests) {
  PROAKTIV_ASSIGN_OR_RETURN(auto toks, Tokenize(text));
  Compiler c(text, std::move(toks), scope);
  return c.Run(unary_tests);
}

}  // namespace proaktiv::feel
