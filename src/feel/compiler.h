#pragma once

// The FEEL compiler's internal state: a recursive-descent parser over the token stream that
// resolves names to slots while it builds the node tree (nodes.h). Internal to the parser
// files; the entry point is CompileProgram (parser.h).
//
//   parser.cc             construction, Run, CompileProgram
//   parser_names.cc       multi-word names, scopes, captures, name -> node resolution
//   parser_unary_tests.cc unary test lists (`< 5, [1..3]`, `not(...)`, `-`)
//   parser_expr.cc        operators by precedence, `in`, `instance of`, postfix (filter,
//                         path, call) and arguments
//   parser_primary.cc     literals, ranges, contexts, function literals, for/some/every
//
// A Compiler is used once, by one thread.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/result.h"
#include "feel/ast.h"
#include "feel/lexer.h"
#include "feel/nodes.h"
#include "feel/parser.h"

namespace proaktiv::feel {

// True for the words that end a multi-word name (and, or, then, ...).
bool IsReserved(std::string_view w);

struct Binding {
  enum class Kind { kLocal, kGlobal, kCapture, kSelf } kind;
  int32_t index;
};

// One function level: its locals (innermost last), captures from enclosing levels, and the
// name under which the function can call itself.
struct Level {
  std::vector<std::pair<std::string, int32_t>> names;
  std::vector<std::string> capture_names;
  std::vector<CaptureSource> captures;
  std::string self_name;
  int32_t num_locals = 0;
};

class Compiler {
 public:
  Compiler(std::string_view src, std::vector<Token> toks, const Scope& scope);
  // Compiles the whole token stream as an expression or as unary tests.
  Result<std::shared_ptr<const Program>> Run(bool unary_tests);

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

  // ---- names and scope resolution (parser_names.cc)
  std::optional<Binding> Resolve(size_t level, const std::string& name);
  bool IsKnown(const std::string& name);

  // Number of tokens from pos_ that spell `cand`, or 0.
  size_t MatchTokens(const std::string& cand) const;

  // Reads a name at pos_: the longest known name, else a run of non-reserved words.
  std::string ReadName();

  // A name after '.': the longer of the known-name match and the run of words.
  std::string ReadPathName();

  // Plain name for declarations (parameters, iteration variables): words up to a delimiter.
  std::string ReadDeclName();
  NodePtr NameNode(const std::string& name);
  NodePtr StaticNameNode(const std::string& name);

  // ---- grammar (parser_unary_tests.cc, parser_expr.cc, parser_primary.cc)
  NodePtr UnaryTestsTop(int32_t input_slot);
  bool TestList(InNode& node, Tok end);

  // Nesting limit for parentheses, brackets, braces and prefix operators, so that hostile
  // input cannot exhaust the stack (of the parser or, later, of the evaluator).
  static constexpr int kMaxNesting = 200;
  NodePtr Expr() {
    if (nesting_ >= kMaxNesting) return Error("expression nested too deeply");
    ++nesting_;
    NodePtr n = Disjunction();
    --nesting_;
    return n;
  }

  NodePtr Disjunction();
  NodePtr Conjunction();
  NodePtr Comparison();
  NodePtr InTests(NodePtr value);
  NodePtr Additive();
  NodePtr Multiplicative();
  NodePtr Power();
  NodePtr Unary();
  NodePtr Postfix();
  bool Args(CallNode& c);
  NodePtr RangeRest(NodePtr low, bool low_closed);
  NodePtr UnaryRange();

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
  // Names the scope defines (and field names of its context types), sorted; the built-ins'
  // names are in SortedBuiltinNames(), sorted once per process.
  std::vector<std::string> candidates_;
  static const std::vector<std::string>& SortedBuiltinNames();
  std::vector<std::string> unresolved_;
  bool used_input_ = false;
  std::string pending_self_;
  bool in_range_end_ = false;  // a '[' after the high endpoint closes the range
  int filter_depth_ = 0;
  int nesting_ = 0;  // Expr() and prefix '-' levels currently open
};

}  // namespace proaktiv::feel
