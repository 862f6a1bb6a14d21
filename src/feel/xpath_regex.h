#pragma once

// XPath 3.1 regular expressions (F&O 5.6) on top of ICU. Internal to the string built-ins
// (matches, replace, split). ICU's syntax differs from XPath's, so patterns are translated
// before compiling:
//   - character-class subtraction `[A-Z-[OI]]` becomes ICU's `[[A-Z]--[OI]]`;
//   - block escapes `\p{IsBasicLatin}` become `\p{Block=BasicLatin}`; only XPath's category
//     names and `Is` blocks are accepted inside `\p{}`;
//   - `\s \S \d \D \w \W \i \I \c \C` and `.` get XPath's definitions, `$` matches only at the
//     end of the input unless the `m` flag is given;
//   - escapes and constructs XPath does not have (`\b`, `\0`, `(?i)`, back-references inside
//     classes or to groups not yet closed) are errors;
//   - with the `x` flag, whitespace outside character classes is removed first;
//   - a negated class under the `i` flag is matched as "not any case variant of the class".
// Thread-safe (no shared state).

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include <unicode/regex.h>

#include "common/result.h"

namespace proaktiv::feel {

struct XPathFlags {
  bool dot_all = false;           // s
  bool multi_line = false;        // m
  bool case_insensitive = false;  // i
  bool strip_whitespace = false;  // x
  bool literal = false;           // q
};

// Parses an XPath flags string ("smixq" in any order); error on any other character.
Result<XPathFlags> ParseXPathFlags(std::string_view flags);

// Translates `pattern` into ICU syntax; kInvalidArgument naming the problem if the pattern is
// not a valid XPath regular expression.
Result<std::string> TranslateXPathRegex(std::string_view pattern, const XPathFlags& flags);

// Translates and compiles `pattern`.
Result<std::unique_ptr<icu::RegexPattern>> CompileXPathRegex(std::string_view pattern,
                                                             const XPathFlags& flags);

// Translates an XPath replacement string (`$N` group references, `\$` and `\\` escapes) into
// ICU's replacement syntax for a pattern with `groups` capturing groups; `$N` beyond the
// groups is the empty string. Error on any other use of `\` or `$`. With `literal`, the
// replacement is taken as is.
Result<std::string> TranslateXPathReplacement(std::string_view replacement, int32_t groups,
                                              bool literal);

}  // namespace proaktiv::feel
