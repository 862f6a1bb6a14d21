#pragma once

// Small helpers for reading YAML documents with yaml-cpp without letting its exceptions escape:
// every failure becomes an Error whose message starts with "<file>:<line>: " (lines 1-based),
// so that a service owner can find the offending entry. Used by the catalog and by service
// bundles. Stateless and thread-safe (yaml-cpp nodes themselves are not shared across threads).

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "common/result.h"

namespace proaktiv::catalog {

// Reads and parses `path`. A syntax error reports the file and line; a missing file NotFound.
Result<YAML::Node> LoadYamlFile(const std::string& path);
// Parses `text`; `source` names it in messages.
Result<YAML::Node> LoadYamlString(std::string_view text, const std::string& source);

// "<file>:<line>" of `node` (line 1-based; just "<file>" when the node has no mark).
std::string Where(const std::string& file, const YAML::Node& node);
// InvalidArgument("<file>:<line>: <message>").
tl::unexpected<Error> YamlError(const std::string& file, const YAML::Node& node,
                                std::string_view message);

// Reads map[key] as a scalar string. Missing or non-scalar values are errors naming the key
// (`parent` locates the error when the key is missing).
Result<std::string> RequiredString(const std::string& file, const YAML::Node& map,
                                   std::string_view key);
// Like RequiredString but returns `fallback` when the key is absent.
Result<std::string> OptionalString(const std::string& file, const YAML::Node& map,
                                   std::string_view key, std::string fallback = "");
// Reads map[key] as a sequence of scalar strings (absent → empty unless `required`).
Result<std::vector<std::string>> StringList(const std::string& file, const YAML::Node& map,
                                            std::string_view key, bool required = false);
// Reads map[key] as a sequence; absent → an empty list unless `required`.
Result<YAML::Node> Sequence(const std::string& file, const YAML::Node& map, std::string_view key,
                            bool required = false);
// Refuses keys of `map` not in `allowed` (a typo would otherwise be silently ignored).
Status CheckKeys(const std::string& file, const YAML::Node& map,
                 std::initializer_list<std::string_view> allowed, std::string_view what);
// 1-based line of `node`, 0 when unknown.
int LineOf(const YAML::Node& node);

}  // namespace proaktiv::catalog
