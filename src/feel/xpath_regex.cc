#include "feel/xpath_regex.h"

#include <vector>

namespace proaktiv::feel {
namespace {

// XML 1.0 NameStartChar and NameChar (for \i and \c), as ICU set bodies.
constexpr const char* kNameStart =
    "\\:A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF"
    "\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD"
    "\\U00010000-\\U000EFFFF";
constexpr const char* kNameExtra = "\\-\\.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040";

bool IsXmlSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// XPath 'x': whitespace is removed except inside character classes.
std::string StripWhitespace(std::string_view p) {
  std::string out;
  int depth = 0;
  for (size_t i = 0; i < p.size(); ++i) {
    char c = p[i];
    if (c == '\\') {
      out += c;
      ++i;
      while (depth == 0 && i < p.size() && IsXmlSpace(p[i])) ++i;
      if (i < p.size()) out += p[i];
      continue;
    }
    if (c == '[') ++depth;
    if (c == ']' && depth > 0) --depth;
    if (depth == 0 && IsXmlSpace(c)) continue;
    out += c;
  }
  return out;
}

class Translator {
 public:
  Translator(std::string_view pattern, const XPathFlags& flags) : p_(pattern), flags_(flags) {}

  Result<std::string> Run() {
    std::string out;
    while (i_ < p_.size())
      if (!Atom(out)) return InvalidArgument(error_);
    if (!open_.empty()) return InvalidArgument(Message("unbalanced '('"));
    return out;
  }

 private:
  enum class Item { kNone, kChar, kMulti };  // what an escape or class member produced

  std::string Message(const std::string& what) const {
    return "invalid regular expression \"" + std::string(p_) + "\": " + what;
  }
  bool Fail(const std::string& what) {
    if (error_.empty()) error_ = Message(what);
    return false;
  }
  bool AtEnd() const { return i_ >= p_.size(); }

  // Copies one (possibly multi-byte UTF-8) character.
  void CopyChar(std::string& out) {
    unsigned char c = static_cast<unsigned char>(p_[i_]);
    size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    for (size_t k = 0; k < len && i_ < p_.size(); ++k) out += p_[i_++];
  }

  bool Atom(std::string& out) {
    char c = p_[i_];
    switch (c) {
      case '\\': {
        Item item;
        return Escape(out, false, item);
      }
      case '[':
        return Class(out, true);
      case '(':
        ++i_;
        if (!AtEnd() && p_[i_] == '?') {
          if (i_ + 1 < p_.size() && p_[i_ + 1] == ':') {
            i_ += 2;
            out += "(?:";
            open_.push_back(0);
            return true;
          }
          return Fail("unsupported group construct '(?'");
        }
        open_.push_back(++groups_);
        closed_.push_back(false);
        out += '(';
        return true;
      case ')':
        if (open_.empty()) return Fail("unbalanced ')'");
        if (open_.back() > 0) closed_[static_cast<size_t>(open_.back() - 1)] = true;
        open_.pop_back();
        ++i_;
        out += ')';
        return true;
      case '.':
        ++i_;
        out += flags_.dot_all ? "." : "[^\\n\\r]";
        return true;
      case '$':
        ++i_;
        out += flags_.multi_line ? "$" : "\\z";
        return true;
      case ']':
        return Fail("unescaped ']'");
      default:
        CopyChar(out);
        return true;
    }
  }

  // At '\'. `in_class` forbids back-references. Sets `item` to kChar for escapes that denote
  // one character (usable as a range endpoint).
  bool Escape(std::string& out, bool in_class, Item& item) {
    ++i_;
    if (AtEnd()) return Fail("trailing '\\'");
    char c = p_[i_++];
    item = Item::kMulti;
    switch (c) {
      case 'n':
        out += "\\n", item = Item::kChar;
        return true;
      case 'r':
        out += "\\r", item = Item::kChar;
        return true;
      case 't':
        out += "\\t", item = Item::kChar;
        return true;
      case '\\':
      case '|':
      case '.':
      case '?':
      case '*':
      case '+':
      case '(':
      case ')':
      case '{':
      case '}':
      case '-':
      case '[':
      case ']':
      case '^':
      case '$':
        out += '\\';
        out += c;
        item = Item::kChar;
        return true;
      case 's':
        out += "[\\u0020\\t\\n\\r]";
        return true;
      case 'S':
        out += "[^\\u0020\\t\\n\\r]";
        return true;
      case 'd':
        out += "\\p{Nd}";
        return true;
      case 'D':
        out += "\\P{Nd}";
        return true;
      case 'w':
        out += "[^\\p{P}\\p{Z}\\p{C}]";
        return true;
      case 'W':
        out += "[\\p{P}\\p{Z}\\p{C}]";
        return true;
      case 'i':
        out += std::string("[") + kNameStart + "]";
        return true;
      case 'I':
        out += std::string("[^") + kNameStart + "]";
        return true;
      case 'c':
        out += std::string("[") + kNameStart + kNameExtra + "]";
        return true;
      case 'C':
        out += std::string("[^") + kNameStart + kNameExtra + "]";
        return true;
      case 'p':
      case 'P':
        return Property(out, c == 'P');
      default:
        break;
    }
    if (c >= '1' && c <= '9') {
      if (in_class) return Fail("back-reference inside a character class");
      int n = c - '0';
      while (!AtEnd() && p_[i_] >= '0' && p_[i_] <= '9' && n * 10 + (p_[i_] - '0') <= groups_)
        n = n * 10 + (p_[i_++] - '0');
      if (n > groups_ || !closed_[static_cast<size_t>(n - 1)])
        return Fail("back-reference to group " + std::to_string(n) + " which is not closed");
      out += "(?:\\" + std::to_string(n) + ")";
      return true;
    }
    return Fail(std::string("invalid escape '\\") + c + "'");
  }

  // After '\p' or '\P': a general category (L, Lu, ...) or a block (IsBasicLatin).
  bool Property(std::string& out, bool negated) {
    if (AtEnd() || p_[i_] != '{') return Fail("expected '{' after \\p");
    size_t close = p_.find('}', i_);
    if (close == std::string_view::npos) return Fail("unterminated \\p{");
    std::string name(p_.substr(i_ + 1, close - i_ - 1));
    i_ = close + 1;
    std::string prefix = negated ? "\\P{" : "\\p{";
    if (name.size() > 2 && name.compare(0, 2, "Is") == 0) {
      for (size_t k = 2; k < name.size(); ++k)
        if (!IsAsciiAlnum(name[k]) && name[k] != '-') return Fail("invalid block name " + name);
      out += prefix + "Block=" + name.substr(2) + "}";
      return true;
    }
    static const char* const kCategories[] = {"L",  "Lu", "Ll", "Lt", "Lm", "Lo", "M",  "Mn", "Mc",
                                              "Me", "N",  "Nd", "Nl", "No", "P",  "Pc", "Pd", "Ps",
                                              "Pe", "Pi", "Pf", "Po", "Z",  "Zs", "Zl", "Zp", "S",
                                              "Sm", "Sc", "Sk", "So", "C",  "Cc", "Cf", "Co", "Cn"};
    for (const char* cat : kCategories) {
      if (name == cat) {
        out += prefix + name + "}";
        return true;
      }
    }
    return Fail("unknown character property '" + name + "'");
  }

  // One member of a character class that must denote a single character (a range end).
  bool ClassChar(std::string& out, Item& item) {
    char c = p_[i_];
    if (c == '\\') return Escape(out, true, item);
    if (c == '[') return Fail("'[' inside a character class must be escaped");
    item = Item::kChar;
    if (static_cast<unsigned char>(c) < 0x80 && !IsAsciiAlnum(c)) {
      out += '\\';  // ICU gives meaning to '&', '-', ':', '$', '{' ... inside sets
      out += c;
      ++i_;
      return true;
    }
    CopyChar(out);
    return true;
  }

  // At '['. Emits an ICU set (or, for a negated top-level class under the 'i' flag, a
  // negative look-ahead so that no case variant of a listed character matches).
  bool Class(std::string& out, bool top) {
    ++i_;
    bool negated = !AtEnd() && p_[i_] == '^';
    if (negated) ++i_;
    std::string body, subtract;
    bool any = false;
    Item last = Item::kNone;
    while (true) {
      if (AtEnd()) return Fail("unterminated character class");
      char c = p_[i_];
      if (c == ']') {
        if (!any) return Fail("empty character class");
        ++i_;
        break;
      }
      if (c == '-' && i_ + 1 < p_.size() && p_[i_ + 1] == '[') {
        if (!any) return Fail("class subtraction without a class");
        ++i_;
        if (!Class(subtract, false)) return false;
        if (AtEnd() || p_[i_] != ']') return Fail("expected ']' after a class subtraction");
        ++i_;
        break;
      }
      if (c == '-') {
        bool at_end = i_ + 1 < p_.size() && p_[i_ + 1] == ']';
        ++i_;
        if (!any || at_end || last != Item::kChar) {
          body += "\\-";  // a literal '-'
          last = Item::kMulti;
          any = true;
          continue;
        }
        if (AtEnd()) return Fail("unterminated character class");
        body += '-';
        Item end;
        if (!ClassChar(body, end)) return false;
        if (end != Item::kChar) return Fail("invalid range end");
        last = Item::kMulti;
        continue;
      }
      if (!ClassChar(body, last)) return false;
      any = true;
    }
    if (top && negated && flags_.case_insensitive && subtract.empty()) {
      out += "(?:(?![" + body + "])[\\s\\S])";
      return true;
    }
    std::string set = std::string("[") + (negated ? "^" : "") + body + "]";
    if (!subtract.empty()) set = "[" + set + "--" + subtract + "]";
    out += set;
    return true;
  }

  std::string_view p_;
  const XPathFlags& flags_;
  size_t i_ = 0;
  int groups_ = 0;
  std::vector<int> open_;     // open groups, innermost last (0: non-capturing)
  std::vector<bool> closed_;  // per capturing group
  std::string error_;
};

}  // namespace

Result<XPathFlags> ParseXPathFlags(std::string_view flags) {
  XPathFlags f;
  for (char c : flags) {
    switch (c) {
      case 's':
        f.dot_all = true;
        break;
      case 'm':
        f.multi_line = true;
        break;
      case 'i':
        f.case_insensitive = true;
        break;
      case 'x':
        f.strip_whitespace = true;
        break;
      case 'q':
        f.literal = true;
        break;
      default:
        return InvalidArgument("invalid regular expression flag '" + std::string(1, c) + "'");
    }
  }
  return f;
}

Result<std::string> TranslateXPathRegex(std::string_view pattern, const XPathFlags& flags) {
  if (flags.literal) return std::string(pattern);
  if (flags.strip_whitespace) {
    std::string stripped = StripWhitespace(pattern);
    return Translator(stripped, flags).Run();
  }
  return Translator(pattern, flags).Run();
}

Result<std::unique_ptr<icu::RegexPattern>> CompileXPathRegex(std::string_view pattern,
                                                             const XPathFlags& flags) {
  PROAKTIV_ASSIGN_OR_RETURN(std::string icu_pattern, TranslateXPathRegex(pattern, flags));
  uint32_t f = 0;
  if (flags.dot_all) f |= UREGEX_DOTALL;
  if (flags.multi_line) f |= UREGEX_MULTILINE;
  if (flags.case_insensitive) f |= UREGEX_CASE_INSENSITIVE;
  if (flags.literal) f |= UREGEX_LITERAL;
  UErrorCode status = U_ZERO_ERROR;
  UParseError pe;
  std::unique_ptr<icu::RegexPattern> p(
      icu::RegexPattern::compile(icu::UnicodeString::fromUTF8(icu_pattern), f, pe, status));
  if (U_FAILURE(status) || !p)
    return InvalidArgument("invalid regular expression \"" + std::string(pattern) +
                           "\": " + u_errorName(status));
  return p;
}

Result<std::string> TranslateXPathReplacement(std::string_view r, int32_t groups, bool literal) {
  std::string out;
  for (size_t i = 0; i < r.size(); ++i) {
    char c = r[i];
    if (literal) {
      if (c == '\\' || c == '$') out += '\\';
      out += c;
      continue;
    }
    if (c == '\\') {
      if (i + 1 < r.size() && (r[i + 1] == '\\' || r[i + 1] == '$')) {
        out += '\\';
        out += r[++i];
        continue;
      }
      return InvalidArgument("invalid replacement \"" + std::string(r) + "\": stray '\\'");
    }
    if (c == '$') {
      if (i + 1 >= r.size() || r[i + 1] < '0' || r[i + 1] > '9')
        return InvalidArgument("invalid replacement \"" + std::string(r) + "\": stray '$'");
      int n = r[++i] - '0';
      while (i + 1 < r.size() && r[i + 1] >= '0' && r[i + 1] <= '9' &&
             n * 10 + (r[i + 1] - '0') <= groups)
        n = n * 10 + (r[++i] - '0');
      // A group beyond the pattern's groups is the empty string. ICU reads the digits the
      // same way (no digit that makes the number exceed the groups).
      if (n <= groups) out += "$" + std::to_string(n);
      continue;
    }
    out += c;
  }
  return out;
}

}  // namespace proaktiv::feel
