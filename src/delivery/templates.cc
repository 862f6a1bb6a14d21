#include "delivery/templates.h"

#include <algorithm>
#include <array>
#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "catalog/yaml_util.h"

namespace proaktiv::delivery {
namespace {

const std::set<std::string, std::less<>>& KnownPlaceholders() {
  static const std::set<std::string, std::less<>> kKnown = {
      "name", "service", "kommune", "deadline", "link", "subject", "body"};
  return kKnown;
}

constexpr std::array<store::MessageKind, 3> kKinds = {
    store::MessageKind::kOffer, store::MessageKind::kReminder, store::MessageKind::kChange};
constexpr std::array<std::string_view, 2> kForms = {"notice", "full"};

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Walks `text`: literal pieces to `literal`, placeholder names to `placeholder`.
template <typename Lit, typename Ph>
Status Walk(std::string_view text, Lit&& literal, Ph&& placeholder) {
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
      literal(text.substr(i, 1));
      i += 2;
      continue;
    }
    if (c == '}') return InvalidArgument(fmt::format("a lone '}}' at offset {}", i));
    if (c != '{') {
      const size_t next = text.find_first_of("{}", i);
      const size_t end = next == std::string_view::npos ? text.size() : next;
      literal(text.substr(i, end - i));
      i = end;
      continue;
    }
    const size_t close = text.find('}', i + 1);
    if (close == std::string_view::npos) {
      return InvalidArgument(fmt::format("an unclosed '{{' at offset {}", i));
    }
    std::string_view name = text.substr(i + 1, close - i - 1);
    if (name.empty() || !std::all_of(name.begin(), name.end(), IsNameChar)) {
      return InvalidArgument(fmt::format("'{{{}}}' is not a placeholder name", name));
    }
    PROAKTIV_RETURN_IF_ERROR(placeholder(name));
    i = close + 1;
  }
  return {};
}

Status CheckText(const std::string& file, const catalog::LocalizedText& text,
                 std::string_view what) {
  for (std::string_view lang : catalog::kLanguages) {
    auto checked = Walk(
        text.In(lang), [](std::string_view) {},
        [&](std::string_view name) -> Status {
          if (KnownPlaceholders().count(name)) return {};
          return InvalidArgument(fmt::format("unknown placeholder '{{{}}}'", name));
        });
    if (!checked) {
      return InvalidArgument(fmt::format("{}:{}: template '{}' ({}): {}", file, text.line, what,
                                         lang, checked.error().message));
    }
  }
  return {};
}

}  // namespace

Result<std::string> FillTemplate(std::string_view text, const TemplateValues& values) {
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

Result<Templates> Templates::LoadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound(fmt::format("{}: cannot open the templates file", path));
  std::ostringstream text;
  text << in.rdbuf();
  return LoadString(text.str(), path);
}

Result<Templates> Templates::LoadString(std::string_view yaml, const std::string& source) {
  PROAKTIV_ASSIGN_OR_RETURN(YAML::Node root, catalog::LoadYamlString(yaml, source));
  if (!root.IsMap()) return catalog::YamlError(source, root, "templates: expected a map");
  PROAKTIV_RETURN_IF_ERROR(
      catalog::CheckKeys(source, root, {"offer", "reminder", "change"}, "templates"));
  Templates out;
  for (store::MessageKind kind : kKinds) {
    const std::string kind_name(store::Name(kind));
    const YAML::Node node = root[kind_name];
    if (!node.IsDefined() || !node.IsMap()) {
      return catalog::YamlError(source, root, fmt::format("template '{}' is missing", kind_name));
    }
    PROAKTIV_RETURN_IF_ERROR(catalog::CheckKeys(source, node, {"notice", "full"}, kind_name));
    std::array<Form, 2>& forms = out.forms_[kind];
    for (size_t f = 0; f < kForms.size(); ++f) {
      const std::string what = fmt::format("{}.{}", kind_name, kForms[f]);
      const YAML::Node form = node[std::string(kForms[f])];
      if (!form.IsDefined() || !form.IsMap()) {
        return catalog::YamlError(source, node, fmt::format("template '{}' is missing", what));
      }
      PROAKTIV_RETURN_IF_ERROR(catalog::CheckKeys(source, form, {"subject", "body"}, what));
      PROAKTIV_ASSIGN_OR_RETURN(forms[f].subject, catalog::ParseLocalizedText(
                                                      source, form, "subject", what + ".subject"));
      PROAKTIV_ASSIGN_OR_RETURN(forms[f].body,
                                catalog::ParseLocalizedText(source, form, "body", what + ".body"));
      PROAKTIV_RETURN_IF_ERROR(CheckText(source, forms[f].subject, what + ".subject"));
      PROAKTIV_RETURN_IF_ERROR(CheckText(source, forms[f].body, what + ".body"));
    }
  }
  return out;
}

Result<RenderedText> Templates::Render(store::MessageKind kind, ChannelKind channel,
                                       std::string_view language,
                                       const TemplateValues& values) const {
  auto it = forms_.find(kind);
  if (it == forms_.end()) return Internal("templates are not loaded");
  const bool full = channel == ChannelKind::kDigitalMailbox || channel == ChannelKind::kLetter;
  const Form& form = it->second[full ? 1 : 0];
  PROAKTIV_ASSIGN_OR_RETURN(std::string subject, FillTemplate(form.subject.In(language), values));
  PROAKTIV_ASSIGN_OR_RETURN(std::string body, FillTemplate(form.body.In(language), values));
  return RenderedText{std::move(subject), std::move(body)};
}

}  // namespace proaktiv::delivery
