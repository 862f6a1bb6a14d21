#include "catalog/catalog.h"

#include <algorithm>

#include <fmt/format.h>

#include "catalog/yaml_util.h"

namespace proaktiv::catalog {

namespace {

Result<Dataset> ParseDataset(const std::string& file, const YAML::Node& node) {
  PROAKTIV_RETURN_IF_ERROR(
      CheckKeys(file, node, {"id", "name", "source", "legal_basis"}, "dataset"));
  Dataset d;
  d.line = LineOf(node);
  PROAKTIV_ASSIGN_OR_RETURN(d.id, RequiredString(file, node, "id"));
  const std::string what = fmt::format("dataset '{}'", d.id);
  PROAKTIV_ASSIGN_OR_RETURN(d.name, ParseLocalizedText(file, node, "name", what + " name"));
  auto source = RequiredString(file, node, "source");
  if (!source) return tl::unexpected(source.error().WithContext(what));
  d.source = *source;
  auto basis = RequiredString(file, node, "legal_basis");
  if (!basis) return tl::unexpected(basis.error().WithContext(what));
  d.legal_basis = *basis;
  return d;
}

Result<Purpose> ParsePurpose(const std::string& file, const YAML::Node& node) {
  PROAKTIV_RETURN_IF_ERROR(CheckKeys(file, node, {"id", "description", "legal_basis"}, "purpose"));
  Purpose p;
  p.line = LineOf(node);
  PROAKTIV_ASSIGN_OR_RETURN(p.id, RequiredString(file, node, "id"));
  const std::string what = fmt::format("purpose '{}'", p.id);
  PROAKTIV_ASSIGN_OR_RETURN(p.description,
                            ParseLocalizedText(file, node, "description", what + " description"));
  auto basis = RequiredString(file, node, "legal_basis");
  if (!basis) return tl::unexpected(basis.error().WithContext(what));
  p.legal_basis = *basis;
  return p;
}

Result<Field> ParseField(const std::string& file, const YAML::Node& node) {
  PROAKTIV_RETURN_IF_ERROR(CheckKeys(
      file, node, {"id", "dataset", "type", "description", "legal_basis", "purposes", "retention"},
      "field"));
  Field f;
  f.line = LineOf(node);
  PROAKTIV_ASSIGN_OR_RETURN(f.id, RequiredString(file, node, "id"));
  const std::string what = fmt::format("field '{}'", f.id);
  auto wrap = [&](Result<std::string> r, std::string* out) -> Status {
    if (!r) return tl::unexpected(r.error().WithContext(what));
    *out = std::move(*r);
    return {};
  };
  PROAKTIV_RETURN_IF_ERROR(wrap(RequiredString(file, node, "dataset"), &f.dataset));
  PROAKTIV_RETURN_IF_ERROR(wrap(RequiredString(file, node, "type"), &f.type));
  PROAKTIV_RETURN_IF_ERROR(wrap(RequiredString(file, node, "legal_basis"), &f.legal_basis));
  PROAKTIV_RETURN_IF_ERROR(wrap(RequiredString(file, node, "retention"), &f.retention));
  PROAKTIV_ASSIGN_OR_RETURN(f.description,
                            ParseLocalizedText(file, node, "description", what + " description"));
  PROAKTIV_ASSIGN_OR_RETURN(f.purposes, StringList(file, node, "purposes", /*required=*/true));
  if (std::find(std::begin(kFieldTypes), std::end(kFieldTypes), f.type) == std::end(kFieldTypes)) {
    return YamlError(file, node["type"],
                     fmt::format("{}: unknown type '{}' (expected string, number, boolean, date, "
                                 "list or context)",
                                 what, f.type));
  }
  if (!IsRetentionPeriod(f.retention)) {
    return YamlError(
        file, node["retention"],
        fmt::format("{}: retention '{}' is not an ISO 8601 period such as P3Y", what, f.retention));
  }
  return f;
}

template <typename T>
Status Index(const std::string& file, const std::vector<T>& items, std::string_view kind,
             std::map<std::string, size_t, std::less<>>* index) {
  for (size_t i = 0; i < items.size(); ++i) {
    if (!index->emplace(items[i].id, i).second) {
      return InvalidArgument(
          fmt::format("{}:{}: duplicate {} id '{}'", file, items[i].line, kind, items[i].id));
    }
  }
  return {};
}

}  // namespace

bool Field::AllowsPurpose(std::string_view purpose) const {
  return std::find(purposes.begin(), purposes.end(), purpose) != purposes.end();
}

bool IsRetentionPeriod(std::string_view text) {
  if (text.size() < 3 || text[0] != 'P') return false;
  std::string_view units = "YMWD";
  size_t unit_pos = 0;
  bool digits = false;
  for (size_t i = 1; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      digits = true;
      continue;
    }
    const size_t pos = units.find(c, unit_pos);
    if (!digits || pos == std::string_view::npos) return false;
    unit_pos = pos + 1;
    digits = false;
  }
  return !digits;
}

Result<Catalog> Catalog::LoadFile(const std::string& path) {
  PROAKTIV_ASSIGN_OR_RETURN(YAML::Node root, LoadYamlFile(path));
  try {
    return LoadFromNode(root, path);
  } catch (const YAML::Exception& e) {  // yaml-cpp throws on some malformed accesses
    return InvalidArgument(fmt::format("{}:{}: {}", path, e.mark.line + 1, e.msg));
  }
}

Result<Catalog> Catalog::LoadFromNode(const YAML::Node& root, const std::string& path) {
  Catalog c;
  c.source_ = path;
  const std::string& file = c.source_;
  if (!root.IsMap()) return YamlError(file, root, "the catalog must be a mapping");
  PROAKTIV_RETURN_IF_ERROR(CheckKeys(file, root, {"datasets", "purposes", "fields"}, "catalog"));

  PROAKTIV_ASSIGN_OR_RETURN(YAML::Node datasets, Sequence(file, root, "datasets", true));
  for (const YAML::Node& n : datasets) {
    PROAKTIV_ASSIGN_OR_RETURN(Dataset d, ParseDataset(file, n));
    c.datasets_.push_back(std::move(d));
  }
  PROAKTIV_ASSIGN_OR_RETURN(YAML::Node purposes, Sequence(file, root, "purposes", true));
  for (const YAML::Node& n : purposes) {
    PROAKTIV_ASSIGN_OR_RETURN(Purpose p, ParsePurpose(file, n));
    c.purposes_.push_back(std::move(p));
  }
  PROAKTIV_RETURN_IF_ERROR(Index(file, c.datasets_, "dataset", &c.dataset_index_));
  PROAKTIV_RETURN_IF_ERROR(Index(file, c.purposes_, "purpose", &c.purpose_index_));

  PROAKTIV_ASSIGN_OR_RETURN(YAML::Node fields, Sequence(file, root, "fields", true));
  for (const YAML::Node& n : fields) {
    PROAKTIV_ASSIGN_OR_RETURN(Field f, ParseField(file, n));
    if (c.FindDataset(f.dataset) == nullptr) {
      return YamlError(file, n["dataset"],
                       fmt::format("field '{}': unknown dataset '{}'", f.id, f.dataset));
    }
    const YAML::Node purpose_nodes = n["purposes"];
    for (size_t i = 0; i < f.purposes.size(); ++i) {
      if (c.FindPurpose(f.purposes[i]) == nullptr) {
        return YamlError(file, purpose_nodes[i],
                         fmt::format("field '{}': unknown purpose '{}'", f.id, f.purposes[i]));
      }
    }
    c.fields_.push_back(std::move(f));
  }
  PROAKTIV_RETURN_IF_ERROR(Index(file, c.fields_, "field", &c.field_index_));
  return c;
}

Result<Catalog> Catalog::LoadString(std::string_view yaml, const std::string& source) {
  PROAKTIV_ASSIGN_OR_RETURN(YAML::Node root, LoadYamlString(yaml, source));
  try {
    return LoadFromNode(root, source);
  } catch (const YAML::Exception& e) {
    return InvalidArgument(fmt::format("{}:{}: {}", source, e.mark.line + 1, e.msg));
  }
}

const Dataset* Catalog::FindDataset(std::string_view id) const {
  auto it = dataset_index_.find(id);
  return it == dataset_index_.end() ? nullptr : &datasets_[it->second];
}

const Purpose* Catalog::FindPurpose(std::string_view id) const {
  auto it = purpose_index_.find(id);
  return it == purpose_index_.end() ? nullptr : &purposes_[it->second];
}

const Field* Catalog::FindField(std::string_view id) const {
  auto it = field_index_.find(id);
  return it == field_index_.end() ? nullptr : &fields_[it->second];
}

Status Catalog::CheckPurpose(std::string_view purpose_id,
                             std::span<const std::string> field_ids) const {
  if (FindPurpose(purpose_id) == nullptr) {
    return NotFound(fmt::format("unknown purpose '{}'", purpose_id));
  }
  for (const std::string& id : field_ids) {
    const Field* field = FindField(id);
    if (field == nullptr) return NotFound(fmt::format("unknown field '{}'", id));
    if (!field->AllowsPurpose(purpose_id)) {
      return FailedPrecondition(
          fmt::format("field '{}' may not be used for purpose '{}'", id, purpose_id));
    }
  }
  return {};
}

}  // namespace proaktiv::catalog
