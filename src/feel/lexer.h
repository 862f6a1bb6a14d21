#pragma once

// Tokenizer for FEEL. Internal to the engine. Names are split into their parts (words,
// digits, and the operator characters that may occur inside names); the parser reassembles
// multi-word names against the names in scope. Comments are skipped.

#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace proaktiv::feel {

enum class Tok {
  kEnd,
  kName,    // identifier part (letters, digits, _, ?, ', non-ASCII)
  kNumber,  // numeric literal
  kString,  // string literal, `text` holds the unescaped UTF-8 value
  kAt,      // @ (temporal literal prefix)
  kPlus,
  kMinus,
  kStar,
  kSlash,
  kPow,
  kEq,
  kNe,
  kLt,
  kLe,
  kGt,
  kGe,
  kLParen,
  kRParen,
  kLBracket,
  kRBracket,
  kLBrace,
  kRBrace,
  kComma,
  kColon,
  kDot,
  kDotDot,
  kArrow,
};

struct Token {
  Tok kind = Tok::kEnd;
  std::string text;  // source text (unescaped value for strings)
  size_t begin = 0;  // byte offsets in the source
  size_t end = 0;
  bool space_before = false;  // whitespace or a comment precedes the token
};

Result<std::vector<Token>> Tokenize(std::string_view src);

// Appends the UTF-8 encoding of code point `cp`.
void AppendUtf8(std::string& out, uint32_t cp);

}  // namespace proaktiv::feel
