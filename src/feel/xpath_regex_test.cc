#include "feel/xpath_regex.h"

#include <gtest/gtest.h>

#include "feel/feel.h"

namespace proaktiv::feel {
namespace {

std::string Eval(std::string_view text) {
  auto v = EvaluateExpression(text, {});
  if (!v) return "ERROR";
  return v->DebugString();
}

std::string Translate(std::string_view p, std::string_view flags = "") {
  auto f = ParseXPathFlags(flags);
  if (!f) return "BAD FLAGS";
  auto t = TranslateXPathRegex(p, *f);
  return t ? *t : "ERROR";
}

TEST(XPathRegexTest, Translation) {
  EXPECT_EQ(Translate("[A-Z-[OI]]"), "[[A-Z]--[OI]]");
  EXPECT_EQ(Translate("\\p{IsBasicLatin}+"), "\\p{Block=BasicLatin}+");
  EXPECT_EQ(Translate("\\p{ IsBasicLatin}+", "x"), "\\p{Block=BasicLatin}+");
  EXPECT_EQ(Translate("a$"), "a\\z");
  EXPECT_EQ(Translate("a$", "m"), "a$");
  EXPECT_EQ(Translate("[0-9-.]"), "[0-9\\-\\.]");
  EXPECT_EQ(Translate("(a)\\1"), "(a)(?:\\1)");
  EXPECT_EQ(Translate("(?:x)"), "(?:x)");
  EXPECT_EQ(Translate("(?:x)", "q"), "(?:x)");
  for (const char* bad : {"\\p{ IsBasicLatin}", "(.)\\2", "\\3", "(asd)[\\1]", "[asd\\0]", "\\b",
                          "(?i)a", "(a", "a)", "[a", "[]", "\\p{Foo}", "a]"})
    EXPECT_EQ(Translate(bad), "ERROR") << bad;
  EXPECT_EQ(Translate("a", "p"), "BAD FLAGS");
  EXPECT_EQ(Translate("a", " "), "BAD FLAGS");
}

TEST(XPathRegexTest, Matches) {
  EXPECT_EQ(Eval(R"f(matches("x", "[A-Z-[OI]]", "i"))f"), "true");
  EXPECT_EQ(Eval(R"f(matches("O", "[A-Z-[OI]]", "i"))f"), "false");
  EXPECT_EQ(Eval(R"f(matches("i", "[A-Z-[OI]]", "i"))f"), "false");
  EXPECT_EQ(Eval(R"f(matches("q", "[^Q]", "i"))f"), "false");
  EXPECT_EQ(Eval(R"f(matches("Q", "[^Q]", "i"))f"), "false");
  EXPECT_EQ(Eval(R"f(matches("a", "[^Q]", "i"))f"), "true");
  EXPECT_EQ(Eval(R"f(matches("hello world", "\p{IsBasicLatin}+"))f"), "true");
  EXPECT_EQ(Eval(R"f(matches("hello world", "\p{ I s B a s i c L a t i n }+", "x"))f"), "true");
  EXPECT_EQ(Eval(R"f(matches("hello world", "\p{ IsBasicLatin}+"))f"), "null");
  EXPECT_EQ(Eval(R"f(matches("\u00e9", "^\p{IsBasicLatin}$"))f"), "false");
  EXPECT_EQ(Eval(R"f(matches("hello world", "hello\ sworld", "x"))f"), "true");
  EXPECT_EQ(Eval(R"f(matches("hello world", "he ll o[ ]worl d", "x"))f"), "true");
  EXPECT_EQ(Eval(R"f(matches("Mary\u000DJones", "Mary.Jones"))f"), "false");
  EXPECT_EQ(Eval(R"f(matches("Mary\u000DJones", "Mary.Jones", "s"))f"), "true");
  EXPECT_EQ(Eval(R"f(matches("\u212A", "k", "i"))f"), "true");
  EXPECT_EQ(Eval(R"f(matches("aA", "(a)\1", "i"))f"), "true");
  EXPECT_EQ(Eval(R"f(matches("input", "[0-9-.]*/"))f"), "false");
  EXPECT_EQ(Eval(R"f([matches("a", "a[^b]"), matches("a ", "a[^b]")])f"), "[false, true]");
  EXPECT_EQ(Eval(R"f(matches("\nabcd\ndefg\n", "^$", "m"))f"), "true");
  EXPECT_EQ(Eval(R"f(matches("ab\n", "ab$"))f"), "false");
  EXPECT_EQ(Eval(R"f(matches("abracadabra", "(?:abra(?:cad)?)*", "q"))f"), "false");
  EXPECT_EQ(Eval(R"f(matches("x[Y-z]", "X[y-Z]", "qi"))f"), "true");
  EXPECT_EQ(Eval(R"f(matches("a1 b", "^\w\d\s\i$"))f"), "true");
  EXPECT_EQ(Eval(R"f(matches("h", "(.)\2"))f"), "null");
  EXPECT_EQ(Eval(R"f(matches("\u03B1", "^\p{IsGreek}$"))f"), "true");
  EXPECT_EQ(Eval(R"f(matches("a", "^\P{IsGreek}$"))f"), "true");
  EXPECT_EQ(Eval(R"f(matches("a-b", "^[\w-[b]]-\p{Ll}$"))f"), "true");
  EXPECT_EQ(Eval(R"f(matches("b-b", "^[\w-[b]]-\p{Ll}$"))f"), "false");
  EXPECT_EQ(Eval(R"f(matches("a&b", "[&]"))f"), "true");
  EXPECT_EQ(Eval(R"f(matches(":", "[:a]"))f"), "true");
}

TEST(XPathRegexTest, Replace) {
  EXPECT_EQ(Eval(R"f(replace("abcd", "(ab)|(a)", "[1=$1][2=$2]"))f"), "\"[1=ab][2=]cd\"");
  EXPECT_EQ(Eval(R"f(replace("facetiously", "[iouy]", "[$0]"))f"), "\"facet[i][o][u]sl[y]\"");
  EXPECT_EQ(Eval(R"f(replace("abc", "(b)", "$12"))f"), "\"ab2c\"");
  EXPECT_EQ(Eval(R"f(replace("abc", "b", "$3"))f"), "\"ac\"");
  EXPECT_EQ(Eval(R"f(replace("abc", "b", "\\$"))f"), "\"a$c\"");
  EXPECT_EQ(Eval(R"f(replace("abc", "b", "$"))f"), "null");
  EXPECT_EQ(Eval(R"f(replace("abc", "x*", "#"))f"), "null");  // matches the empty string
  EXPECT_EQ(Eval(R"f(replace("a$c", "$", "\\", "q"))f"), "\"a\\\\c\"");
  EXPECT_EQ(Eval(R"f(replace("abc", ".^[d-z]*", "smix"))f"), "\"abc\"");
}

}  // namespace
}  // namespace proaktiv::feel
