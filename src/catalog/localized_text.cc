#include "catalog/localized_text.h"

#include <fmt/format.h>

#include "catalog/yaml_util.h"

namespace proaktiv::catalog {

const std::string& LocalizedText::In(std::string_view language) const {
  if (language == "nn") return nn;
  if (language == "en") return en;
  return nb;
}

std::string* LocalizedText::Mutable(std::string_view language) {
  if (language == "nb") return &nb;
  if (language == "nn") return &nn;
  if (language == "en") return &en;
  return nullptr;
}

Result<LocalizedText> ParseLocalizedText(const std::string& file, const YAML::Node& map,
                                         std::string_view key, std::string_view what) {
  if (!map.IsMap()) return YamlError(file, map, "expected a mapping");
  const YAML::Node node = map[std::string(key)];
  if (!node.IsDefined() || node.IsNull()) {
    return YamlError(file, map, fmt::format("missing {} ('{}')", what, key));
  }
  if (!node.IsMap()) {
    return YamlError(file, node, fmt::format("{} must map nb, nn and en to texts", what));
  }
  LocalizedText out;
  out.line = LineOf(node);
  for (const auto& entry : node) {
    const std::string lang = entry.first.Scalar();
    std::string* slot = out.Mutable(lang);
    if (slot == nullptr) {
      return YamlError(file, entry.first,
                       fmt::format("{}: unknown language '{}' (expected nb, nn, en)", what, lang));
    }
    if (!entry.second.IsScalar()) {
      return YamlError(file, entry.second, fmt::format("{} in '{}' must be a text", what, lang));
    }
    *slot = entry.second.Scalar();
  }
  for (std::string_view lang : kLanguages) {
    if (out.Mutable(lang)->empty()) {
      return YamlError(file, node, fmt::format("{} is missing language '{}'", what, lang));
    }
  }
  return out;
}

}  // namespace proaktiv::catalog
