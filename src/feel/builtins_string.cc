// String built-ins (spec 10.3.4.3). Positions and lengths count Unicode code points;
// regular expressions (matches, replace, split) use ICU with the XPath flags s, m, i, x, q.

#include <unicode/locid.h>
#include <unicode/regex.h>
#include <unicode/unistr.h>

#include <memory>
#include <string>

#include "feel/builtins.h"
#include "feel/lexer.h"
#include "feel/xpath_regex.h"

namespace proaktiv::feel {
namespace {

using K = ValueKind;

std::u32string Decode(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    uint32_t cp;
    size_t n;
    if (c < 0x80)
      cp = c, n = 1;
    else if ((c >> 5) == 6)
      cp = c & 0x1F, n = 2;
    else if ((c >> 4) == 14)
      cp = c & 0x0F, n = 3;
    else
      cp = c & 0x07, n = 4;
    for (size_t k = 1; k < n && i + k < s.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += n;
  }
  return out;
}

std::string Encode(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) AppendUtf8(out, c);
  return out;
}

bool Strings(std::span<const Value> a, size_t n) {
  for (size_t i = 0; i < n; ++i)
    if (i >= a.size() || !a[i].is(K::kString)) return false;
  return true;
}

Value Substring(std::span<const Value> a, EvalContext& ctx) {
  if (!Strings(a, 1) || !a[1].is(K::kNumber) || (a.size() > 2 && !a[2].is(K::kNumber)))
    return ErrorResult(ctx, "substring", "expects (string, number, number?)");
  std::u32string s = Decode(a[0].AsString());
  int64_t len = static_cast<int64_t>(s.size());
  int64_t start = a[1].AsNumber().Round(0, RoundingMode::kHalfEven).TruncateToInt64();
  if (start == 0 || start > len || start < -len) {
    if (start == 0 || start < -len)
      return ErrorResult(ctx, "substring", "start position out of range");
    return Value::String("");
  }
  int64_t from = start > 0 ? start - 1 : len + start;
  int64_t count = len - from;
  if (a.size() > 2) {
    // A fractional length is truncated (TCK 1103: substring("foobar", 3, 3.8) is "oba").
    if (a[2].AsNumber() < Number::FromInt(0))
      return ErrorResult(ctx, "substring", "negative length");
    int64_t l = a[2].AsNumber().TruncateToInt64();
    count = std::min(count, l);
  }
  return Value::String(
      Encode(std::u32string_view(s).substr(static_cast<size_t>(from), static_cast<size_t>(count))));
}

Value StringLength(std::span<const Value> a, EvalContext& ctx) {
  if (!Strings(a, 1)) return ErrorResult(ctx, "string length", "expects a string");
  return Value::Int(static_cast<int64_t>(Decode(a[0].AsString()).size()));
}

Value CaseMap(std::span<const Value> a, EvalContext& ctx, bool upper) {
  if (!Strings(a, 1))
    return ErrorResult(ctx, upper ? "upper case" : "lower case", "expects a string");
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(a[0].AsString());
  if (upper)
    u.toUpper(icu::Locale::getRoot());
  else
    u.toLower(icu::Locale::getRoot());
  std::string out;
  u.toUTF8String(out);
  return Value::String(std::move(out));
}
Value UpperCase(std::span<const Value> a, EvalContext& ctx) { return CaseMap(a, ctx, true); }
Value LowerCase(std::span<const Value> a, EvalContext& ctx) { return CaseMap(a, ctx, false); }

Value SubstringBefore(std::span<const Value> a, EvalContext& ctx) {
  if (!Strings(a, 2)) return ErrorResult(ctx, "substring before", "expects two strings");
  auto s = a[0].AsString();
  size_t p = s.find(a[1].AsString());
  return Value::String(p == std::string_view::npos ? "" : std::string(s.substr(0, p)));
}

Value SubstringAfter(std::span<const Value> a, EvalContext& ctx) {
  if (!Strings(a, 2)) return ErrorResult(ctx, "substring after", "expects two strings");
  auto s = a[0].AsString();
  auto m = a[1].AsString();
  size_t p = s.find(m);
  return Value::String(p == std::string_view::npos ? "" : std::string(s.substr(p + m.size())));
}

Value Contains(std::span<const Value> a, EvalContext& ctx) {
  if (!Strings(a, 2)) return ErrorResult(ctx, "contains", "expects two strings");
  return Value::Boolean(a[0].AsString().find(a[1].AsString()) != std::string_view::npos);
}
Value StartsWith(std::span<const Value> a, EvalContext& ctx) {
  if (!Strings(a, 2)) return ErrorResult(ctx, "starts with", "expects two strings");
  return Value::Boolean(a[0].AsString().starts_with(a[1].AsString()));
}
Value EndsWith(std::span<const Value> a, EvalContext& ctx) {
  if (!Strings(a, 2)) return ErrorResult(ctx, "ends with", "expects two strings");
  return Value::Boolean(a[0].AsString().ends_with(a[1].AsString()));
}

// Compiles an XPath regular expression with optional flags; null and a message naming `fn`
// on a bad pattern or flag.
std::unique_ptr<icu::RegexPattern> Compile(std::string_view fn, std::string_view pattern,
                                           const Value* flags, XPathFlags& parsed,
                                           EvalContext& ctx) {
  parsed = XPathFlags();
  if (flags && !flags->is_null()) {
    if (!flags->is(K::kString)) {
      ErrorResult(ctx, fn, "flags must be a string");
      return nullptr;
    }
    auto f = ParseXPathFlags(flags->AsString());
    if (!f) {
      ErrorResult(ctx, fn, f.error().message);
      return nullptr;
    }
    parsed = *f;
  }
  auto p = CompileXPathRegex(pattern, parsed);
  if (!p) {
    ErrorResult(ctx, fn, p.error().message);
    return nullptr;
  }
  return std::move(*p);
}

Value Matches(std::span<const Value> a, EvalContext& ctx) {
  if (!Strings(a, 2)) return ErrorResult(ctx, "matches", "expects strings");
  XPathFlags flags;
  auto p = Compile("matches", a[1].AsString(), a.size() > 2 ? &a[2] : nullptr, flags, ctx);
  if (!p) return Value();
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString input = icu::UnicodeString::fromUTF8(a[0].AsString());
  std::unique_ptr<icu::RegexMatcher> m(p->matcher(input, status));
  if (U_FAILURE(status)) return ErrorResult(ctx, "matches", "regex error");
  bool found = m->find(status);
  return Value::Boolean(found);
}

Value Replace(std::span<const Value> a, EvalContext& ctx) {
  if (!Strings(a, 3)) return ErrorResult(ctx, "replace", "expects strings");
  XPathFlags flags;
  auto p = Compile("replace", a[1].AsString(), a.size() > 3 ? &a[3] : nullptr, flags, ctx);
  if (!p) return Value();
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString empty;
  std::unique_ptr<icu::RegexMatcher> probe(p->matcher(empty, status));
  if (U_FAILURE(status)) return ErrorResult(ctx, "replace", "regex error");
  if (probe->find(status))
    return ErrorResult(ctx, "replace", "the pattern matches the empty string");
  auto repl = TranslateXPathReplacement(a[2].AsString(), probe->groupCount(), flags.literal);
  if (!repl) return ErrorResult(ctx, "replace", repl.error().message);
  icu::UnicodeString input = icu::UnicodeString::fromUTF8(a[0].AsString());
  std::unique_ptr<icu::RegexMatcher> m(p->matcher(input, status));
  icu::UnicodeString out = m->replaceAll(icu::UnicodeString::fromUTF8(*repl), status);
  if (U_FAILURE(status)) return ErrorResult(ctx, "replace", "invalid replacement");
  std::string s;
  out.toUTF8String(s);
  return Value::String(std::move(s));
}

Value Split(std::span<const Value> a, EvalContext& ctx) {
  if (!Strings(a, 2)) return ErrorResult(ctx, "split", "expects strings");
  XPathFlags flags;
  auto p = Compile("split", a[1].AsString(), a.size() > 2 ? &a[2] : nullptr, flags, ctx);
  if (!p) return Value();
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString input = icu::UnicodeString::fromUTF8(a[0].AsString());
  std::unique_ptr<icu::RegexMatcher> m(p->matcher(input, status));
  List out;
  int32_t last = 0;
  while (m->find(status)) {
    int32_t s = m->start(status), e = m->end(status);
    if (e == s) continue;
    std::string piece;
    input.tempSubStringBetween(last, s).toUTF8String(piece);
    out.push_back(Value::String(std::move(piece)));
    last = e;
  }
  std::string piece;
  input.tempSubStringBetween(last, input.length()).toUTF8String(piece);
  out.push_back(Value::String(std::move(piece)));
  return Value::FromList(std::move(out));
}

Value StringJoin(std::span<const Value> a, EvalContext& ctx) {
  List single;
  const List* items;
  if (a[0].is(K::kList)) {
    items = &a[0].AsList();
  } else if (a[0].is(K::kString)) {
    single.push_back(a[0]);
    items = &single;
  } else {
    return ErrorResult(ctx, "string join", "expects a list");
  }
  std::string sep;
  if (a.size() > 1 && !a[1].is_null()) {
    if (!a[1].is(K::kString)) return ErrorResult(ctx, "string join", "delimiter must be a string");
    sep = std::string(a[1].AsString());
  }
  std::string out;
  bool first = true;
  for (const Value& e : *items) {
    if (e.is_null()) continue;
    if (!e.is(K::kString)) return ErrorResult(ctx, "string join", "list must contain strings");
    if (!first) out += sep;
    first = false;
    out += e.AsString();
  }
  return Value::String(std::move(out));
}

}  // namespace

void RegisterStringBuiltins(std::vector<BuiltinDef>& out) {
  out.push_back({"substring", {{{"string", "start position", "length"}, 2, false, Substring}}});
  out.push_back({"string length", {{{"string"}, 1, false, StringLength}}});
  out.push_back({"upper case", {{{"string"}, 1, false, UpperCase}}});
  out.push_back({"lower case", {{{"string"}, 1, false, LowerCase}}});
  out.push_back({"substring before", {{{"string", "match"}, 2, false, SubstringBefore}}});
  out.push_back({"substring after", {{{"string", "match"}, 2, false, SubstringAfter}}});
  out.push_back({"contains", {{{"string", "match"}, 2, false, Contains}}});
  out.push_back({"starts with", {{{"string", "match"}, 2, false, StartsWith}}});
  out.push_back({"ends with", {{{"string", "match"}, 2, false, EndsWith}}});
  out.push_back({"matches", {{{"input", "pattern", "flags"}, 2, false, Matches}}});
  out.push_back({"replace", {{{"input", "pattern", "replacement", "flags"}, 3, false, Replace}}});
  out.push_back({"split", {{{"string", "delimiter", "flags"}, 2, false, Split}}});
  out.push_back({"string join", {{{"list", "delimiter"}, 1, false, StringJoin}}});
}

}  // namespace proaktiv::feel
