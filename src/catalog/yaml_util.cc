#include "catalog/yaml_util.h"

#include <fstream>
#include <sstream>

#include <fmt/format.h>

namespace proaktiv::catalog {

namespace {

Result<YAML::Node> Parse(std::string_view text, const std::string& source) {
  try {
    return YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    return InvalidArgument(
        fmt::format("{}:{}: YAML syntax error: {}", source, e.mark.line + 1, e.msg));
  }
}

}  // namespace

Result<YAML::Node> LoadYamlFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound(fmt::format("{}: cannot open file", path));
  std::ostringstream text;
  text << in.rdbuf();
  return Parse(text.str(), path);
}

Result<YAML::Node> LoadYamlString(std::string_view text, const std::string& source) {
  return Parse(text, source);
}

int LineOf(const YAML::Node& node) {
  if (!node.IsDefined()) return 0;
  const YAML::Mark mark = node.Mark();
  return mark.is_null() ? 0 : mark.line + 1;
}

std::string Where(const std::string& file, const YAML::Node& node) {
  const int line = LineOf(node);
  return line > 0 ? fmt::format("{}:{}", file, line) : file;
}

tl::unexpected<Error> YamlError(const std::string& file, const YAML::Node& node,
                                std::string_view message) {
  return InvalidArgument(fmt::format("{}: {}", Where(file, node), message));
}

Result<std::string> OptionalString(const std::string& file, const YAML::Node& map,
                                   std::string_view key, std::string fallback) {
  if (!map.IsMap()) return YamlError(file, map, "expected a mapping");
  const YAML::Node value = map[std::string(key)];
  if (!value.IsDefined() || value.IsNull()) return fallback;
  if (!value.IsScalar()) {
    return YamlError(file, value, fmt::format("'{}' must be a single value", key));
  }
  return value.Scalar();
}

Result<std::string> RequiredString(const std::string& file, const YAML::Node& map,
                                   std::string_view key) {
  if (!map.IsMap()) return YamlError(file, map, "expected a mapping");
  const YAML::Node value = map[std::string(key)];
  if (!value.IsDefined() || value.IsNull()) {
    return YamlError(file, map, fmt::format("missing '{}'", key));
  }
  if (!value.IsScalar() || value.Scalar().empty()) {
    return YamlError(file, value, fmt::format("'{}' must be a non-empty single value", key));
  }
  return value.Scalar();
}

Result<YAML::Node> Sequence(const std::string& file, const YAML::Node& map, std::string_view key,
                            bool required) {
  if (!map.IsMap()) return YamlError(file, map, "expected a mapping");
  const YAML::Node value = map[std::string(key)];
  if (!value.IsDefined() || value.IsNull()) {
    if (required) return YamlError(file, map, fmt::format("missing '{}'", key));
    return YAML::Node(YAML::NodeType::Sequence);
  }
  if (!value.IsSequence()) return YamlError(file, value, fmt::format("'{}' must be a list", key));
  return value;
}

Result<std::vector<std::string>> StringList(const std::string& file, const YAML::Node& map,
                                            std::string_view key, bool required) {
  PROAKTIV_ASSIGN_OR_RETURN(YAML::Node seq, Sequence(file, map, key, required));
  std::vector<std::string> out;
  for (const YAML::Node& item : seq) {
    if (!item.IsScalar() || item.Scalar().empty()) {
      return YamlError(file, item, fmt::format("entries of '{}' must be single values", key));
    }
    out.push_back(item.Scalar());
  }
  return out;
}

Status CheckKeys(const std::string& file, const YAML::Node& map,
                 std::initializer_list<std::string_view> allowed, std::string_view what) {
  if (!map.IsMap()) return YamlError(file, map, fmt::format("{} must be a mapping", what));
  for (const auto& entry : map) {
    const std::string& key = entry.first.Scalar();
    bool known = false;
    for (std::string_view a : allowed) known = known || a == key;
    if (!known) return YamlError(file, entry.first, fmt::format("{}: unknown key '{}'", what, key));
  }
  return {};
}

}  // namespace proaktiv::catalog
