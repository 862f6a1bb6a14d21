#include "delivery/templates.h"

#include <array>
#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "catalog/yaml_util.h"
#include "common/text_template.h"

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

Status CheckText(const std::string& file, const catalog::LocalizedText& text,
                 std::string_view what) {
  for (std::string_view lang : catalog::kLanguages) {
    auto checked =
        Placeholders(text.In(lang)).and_then([](const std::vector<std::string>& names) -> Status {
          for (const std::string& name : names) {
            if (!KnownPlaceholders().count(name)) {
              return InvalidArgument(fmt::format("unknown placeholder '{{{}}}'", name));
            }
          }
          return {};
        });
    if (!checked) {
      return InvalidArgument(fmt::format("{}:{}: template '{}' ({}): {}", file, text.line, what,
                                         lang, checked.error().message));
    }
  }
  return {};
}

}  // namespace

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
  PROAKTIV_ASSIGN_OR_RETURN(std::string subject, RenderTemplate(form.subject.In(language), values));
  PROAKTIV_ASSIGN_OR_RETURN(std::string body, RenderTemplate(form.body.In(language), values));
  return RenderedText{std::move(subject), std::move(body)};
}

}  // namespace proaktiv::delivery
