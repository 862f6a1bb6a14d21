#include "feel/lexer.h"

#include <cctype>
#include <cstdint>

namespace proaktiv::feel {
namespace {

bool IsNameStart(unsigned char c) { return std::isalpha(c) || c == '_' || c == '?' || c >= 0x80; }
bool IsNamePart(unsigned char c) { return IsNameStart(c) || std::isdigit(c) || c == '\''; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

void AppendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

Result<std::vector<Token>> Tokenize(std::string_view s) {
  std::vector<Token> out;
  size_t i = 0;
  bool space = false;
  auto error = [&](const std::string& what) {
    return InvalidArgument("FEEL syntax error at offset " + std::to_string(i) + ": " + what);
  };
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (std::isspace(c) || (c == 0xC2 && i + 1 < s.size() && (unsigned char)s[i + 1] == 0xA0)) {
      i += (c == 0xC2) ? 2 : 1;
      space = true;
      continue;
    }
    if (c == '/' && i + 1 < s.size() && s[i + 1] == '/') {
      while (i < s.size() && s[i] != '\n') ++i;
      space = true;
      continue;
    }
    if (c == '/' && i + 1 < s.size() && s[i + 1] == '*') {
      size_t e = s.find("*/", i + 2);
      if (e == std::string_view::npos) return error("unterminated comment");
      i = e + 2;
      space = true;
      continue;
    }
    Token t;
    t.begin = i;
    t.space_before = space;
    space = false;
    if (IsDigit(static_cast<char>(c)) || (c == '.' && i + 1 < s.size() && IsDigit(s[i + 1]))) {
      size_t j = i;
      while (j < s.size() && IsDigit(s[j])) ++j;
      if (j + 1 < s.size() && s[j] == '.' && IsDigit(s[j + 1])) {
        ++j;
        while (j < s.size() && IsDigit(s[j])) ++j;
      }
      if (j < s.size() && (s[j] == 'e' || s[j] == 'E')) {
        size_t k = j + 1;
        if (k < s.size() && (s[k] == '+' || s[k] == '-')) ++k;
        if (k < s.size() && IsDigit(s[k])) {
          while (k < s.size() && IsDigit(s[k])) ++k;
          j = k;
        }
      }
      t.kind = Tok::kNumber;
      t.text = std::string(s.substr(i, j - i));
      i = j;
    } else if (IsNameStart(c)) {
      size_t j = i;
      while (j < s.size() && IsNamePart(static_cast<unsigned char>(s[j]))) {
        if ((unsigned char)s[j] == 0xC2 && j + 1 < s.size() && (unsigned char)s[j + 1] == 0xA0)
          break;  // no-break space separates words
        ++j;
      }
      t.kind = Tok::kName;
      t.text = std::string(s.substr(i, j - i));
      i = j;
    } else if (c == '"') {
      std::string v;
      size_t j = i + 1;
      bool closed = false;
      while (j < s.size()) {
        char d = s[j];
        if (d == '"') {
          closed = true;
          ++j;
          break;
        }
        if (d == '\\' && j + 1 < s.size()) {
          char e = s[j + 1];
          j += 2;
          switch (e) {
            case 'n':
              v.push_back('\n');
              break;
            case 'r':
              v.push_back('\r');
              break;
            case 't':
              v.push_back('\t');
              break;
            case 'b':
              v.push_back('\b');
              break;
            case 'f':
              v.push_back('\f');
              break;
            case '"':
              v.push_back('"');
              break;
            case '\'':
              v.push_back('\'');
              break;
            case '\\':
              v.push_back('\\');
              break;
            case 'u':
            case 'U': {
              size_t n = 4;
              if (e == 'U') n = 6;  // \U hhhhhh
              uint32_t cp = 0;
              for (size_t k = 0; k < n; ++k) {
                int h = j + k < s.size() ? HexValue(s[j + k]) : -1;
                if (h < 0) return error("bad \\u escape");
                cp = cp * 16 + static_cast<uint32_t>(h);
              }
              j += n;
              // Surrogate pair \uD83D\uDC0E.
              if (cp >= 0xD800 && cp < 0xDC00 && j + 6 <= s.size() && s[j] == '\\' &&
                  s[j + 1] == 'u') {
                uint32_t lo = 0;
                bool ok = true;
                for (size_t k = 0; k < 4; ++k) {
                  int h = HexValue(s[j + 2 + k]);
                  if (h < 0) ok = false;
                  lo = lo * 16 + static_cast<uint32_t>(h < 0 ? 0 : h);
                }
                if (ok && lo >= 0xDC00 && lo < 0xE000) {
                  cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                  j += 6;
                }
              }
              AppendUtf8(v, cp);
              break;
            }
            default:
              v.push_back('\\');
              v.push_back(e);
          }
          continue;
        }
        v.push_back(d);
        ++j;
      }
      if (!closed) return error("unterminated string");
      t.kind = Tok::kString;
      t.text = std::move(v);
      i = j;
    } else {
      struct Op {
        const char* text;
        Tok kind;
      };
      static const Op kOps[] = {
          {"**", Tok::kPow},     {"!=", Tok::kNe},    {"<=", Tok::kLe},    {">=", Tok::kGe},
          {"..", Tok::kDotDot},  {"->", Tok::kArrow}, {"+", Tok::kPlus},   {"-", Tok::kMinus},
          {"*", Tok::kStar},     {"/", Tok::kSlash},  {"=", Tok::kEq},     {"<", Tok::kLt},
          {">", Tok::kGt},       {"(", Tok::kLParen}, {")", Tok::kRParen}, {"[", Tok::kLBracket},
          {"]", Tok::kRBracket}, {"{", Tok::kLBrace}, {"}", Tok::kRBrace}, {",", Tok::kComma},
          {":", Tok::kColon},    {".", Tok::kDot},    {"@", Tok::kAt},
      };
      bool found = false;
      for (const Op& op : kOps) {
        std::string_view ot(op.text);
        if (s.substr(i, ot.size()) == ot) {
          t.kind = op.kind;
          t.text = std::string(ot);
          i += ot.size();
          found = true;
          break;
        }
      }
      if (!found)
        return error("unexpected character '" + std::string(1, static_cast<char>(c)) + "'");
    }
    t.end = i;
    out.push_back(std::move(t));
  }
  Token end;
  end.begin = end.end = s.size();
  end.space_before = space;
  out.push_back(end);
  return out;
}

}  // namespace proaktiv::feel
