#include "common/text_template.h"

#include <fmt/format.h>

namespace proaktiv {

namespace {

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '.';
}

// Walks `text`, calling on_literal(text) and on_placeholder(name).
template <typename Literal, typename Placeholder>
Status Walk(std::string_view text, Literal on_literal, Placeholder on_placeholder) {
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
      on_literal(text.substr(i, 1));
      i += 2;
      continue;
    }
    if (c == '}') {
      return InvalidArgument(fmt::format("unmatched '}}' in \"{}\"", text.substr(0, i + 1)));
    }
    if (c != '{') {
      const size_t next = text.find_first_of("{}", i);
      const size_t end = next == std::string_view::npos ? text.size() : next;
      on_literal(text.substr(i, end - i));
      i = end;
      continue;
    }
    const size_t close = text.find('}', i);
    if (close == std::string_view::npos) {
      return InvalidArgument(fmt::format("unclosed '{{' in \"{}\"", text.substr(i)));
    }
    const std::string_view name = text.substr(i + 1, close - i - 1);
    bool ok = !name.empty();
    for (char n : name) ok = ok && IsNameChar(n);
    if (!ok) {
      return InvalidArgument(fmt::format("bad placeholder \"{}\"", text.substr(i, close - i + 1)));
    }
    PROAKTIV_RETURN_IF_ERROR(on_placeholder(name));
    i = close + 1;
  }
  return {};
}

}  // namespace

Result<std::vector<std::string>> Placeholders(std::string_view text) {
  std::vector<std::string> out;
  PROAKTIV_RETURN_IF_ERROR(Walk(
      text, [](std::string_view) {},
      [&](std::string_view name) -> Status {
        out.emplace_back(name);
        return {};
      }));
  return out;
}

Result<std::string> RenderTemplate(std::string_view text,
                                   const std::map<std::string, std::string, std::less<>>& values) {
  std::string out;
  PROAKTIV_RETURN_IF_ERROR(Walk(
      text, [&](std::string_view lit) { out.append(lit); },
      [&](std::string_view name) -> Status {
        auto it = values.find(name);
        if (it == values.end()) {
          return InvalidArgument(fmt::format("no value for placeholder '{{{}}}'", name));
        }
        out.append(it->second);
        return {};
      }));
  return out;
}

}  // namespace proaktiv
