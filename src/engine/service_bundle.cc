#include "engine/service_bundle.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include <fmt/format.h>

#include "dmn/xml_loader.h"

namespace proaktiv::engine {

namespace {

bool IsReasonColumn(const dmn::DecisionTableOutput& out) {
  std::string n = out.name.empty() ? out.label : out.name;
  std::transform(n.begin(), n.end(), n.begin(), [](unsigned char c) { return std::tolower(c); });
  return n == "reason";
}

// The code of a FEEL string literal ("\"not-resident\"" → not-resident); empty otherwise.
std::string StringLiteral(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  if (text.size() < 2 || text.front() != '"' || text.back() != '"') return "";
  text = text.substr(1, text.size() - 2);
  if (text.find('"') != std::string_view::npos) return "";
  return std::string(text);
}

Status CheckDmn(const std::string& dmn_path, const std::string& yaml_path,
                const dmn::DmnModel& model, const ServiceDefinition& def) {
  if (!model.problems().empty()) {
    std::string all;
    for (const std::string& p : model.problems()) all += "\n  " + p;
    return InvalidArgument(
        fmt::format("{}: {} problem(s):{}", dmn_path, model.problems().size(), all));
  }
  const auto names = model.DecisionNames();
  for (const char* required : {"Eligible", "Reason", "Application"}) {
    if (std::find(names.begin(), names.end(), required) == names.end()) {
      return InvalidArgument(fmt::format("{}: missing decision '{}'", dmn_path, required));
    }
  }
  const dmn::Definitions& defs = model.definitions();
  std::set<std::string> dmn_inputs;
  for (const dmn::InputData& in : defs.input_data) {
    dmn_inputs.insert(in.name);
    if (!def.inputs.contains(in.name)) {
      return InvalidArgument(
          fmt::format("{}: input data '{}' (id {}) is not mapped to a declared field in {}",
                      dmn_path, in.name, in.id, yaml_path));
    }
  }
  for (const auto& [name, source] : def.inputs) {
    if (!dmn_inputs.contains(name)) {
      return InvalidArgument(fmt::format("{}:{}: input '{}' is not an input data of {}", yaml_path,
                                         source.line, name, dmn_path));
    }
  }
  for (const dmn::Decision& d : defs.decisions) {
    if (!d.expression) continue;
    const auto* table = std::get_if<dmn::DecisionTable>(&d.expression->kind);
    if (table == nullptr) continue;
    for (size_t o = 0; o < table->outputs.size(); ++o) {
      if (!IsReasonColumn(table->outputs[o])) continue;
      for (const dmn::DecisionRule& rule : table->rules) {
        if (o >= rule.output_entries.size()) continue;
        const std::string code = StringLiteral(rule.output_entries[o]);
        if (!code.empty() && !def.reasons.contains(code)) {
          return InvalidArgument(fmt::format(
              "{}: decision '{}' rule {}: reason '{}' is not listed under 'reasons' in {}",
              dmn_path, d.name, rule.id, code, yaml_path));
        }
      }
    }
  }
  return {};
}

}  // namespace

Result<std::shared_ptr<const ServiceBundle>> ServiceBundle::LoadDir(
    const std::string& dir, const catalog::Catalog& catalog) {
  namespace fs = std::filesystem;
  const std::string yaml_path = (fs::path(dir) / "service.yaml").string();
  const std::string dmn_path = (fs::path(dir) / "eligibility.dmn").string();
  PROAKTIV_ASSIGN_OR_RETURN(ServiceDefinition def, ParseServiceDefinition(yaml_path));

  const std::string folder =
      fs::path(dir).lexically_normal().filename().string().empty()
          ? fs::path(dir).lexically_normal().parent_path().filename().string()
          : fs::path(dir).lexically_normal().filename().string();
  if (def.id != folder) {
    return InvalidArgument(
        fmt::format("{}: id '{}' differs from the folder name '{}'", yaml_path, def.id, folder));
  }

  // The catalog: purpose, fields, and the static purpose check.
  if (catalog.FindPurpose(def.purpose) == nullptr) {
    return InvalidArgument(fmt::format("{}:{}: unknown purpose '{}' (not in {})", yaml_path,
                                       def.purpose_line, def.purpose, catalog.source()));
  }
  for (size_t i = 0; i < def.fields.size(); ++i) {
    const int line = i < def.field_lines.size() ? def.field_lines[i] : 0;
    if (catalog.FindField(def.fields[i]) == nullptr) {
      return InvalidArgument(fmt::format("{}:{}: unknown field '{}' (not in {})", yaml_path, line,
                                         def.fields[i], catalog.source()));
    }
    if (auto s = catalog.CheckPurpose(def.purpose, std::span(&def.fields[i], 1)); !s) {
      return MakeError(ErrorCode::kFailedPrecondition,
                       fmt::format("{}:{}: {}", yaml_path, line, s.error().message));
    }
  }

  auto bundle = std::shared_ptr<ServiceBundle>(new ServiceBundle());
  for (const auto& [name, source] : def.inputs) {
    switch (source.kind) {
      case InputSource::Kind::kField: {
        if (std::find(def.fields.begin(), def.fields.end(), source.name) == def.fields.end()) {
          return InvalidArgument(fmt::format(
              "{}:{}: input '{}' reads field '{}', which is not declared under 'fields'", yaml_path,
              source.line, name, source.name));
        }
        const FieldExtractor* e = FindFieldExtractor(source.name);
        if (e == nullptr) {
          return InvalidArgument(fmt::format("{}:{}: input '{}': no extractor reads field '{}'",
                                             yaml_path, source.line, name, source.name));
        }
        bundle->field_inputs_.emplace_back(name, e);
        break;
      }
      case InputSource::Kind::kParameter: {
        const bool known =
            std::any_of(def.parameters.begin(), def.parameters.end(),
                        [&](const ParameterSpec& p) { return p.name == source.name; });
        if (!known) {
          return InvalidArgument(fmt::format("{}:{}: input '{}': unknown parameter '{}'", yaml_path,
                                             source.line, name, source.name));
        }
        break;
      }
      case InputSource::Kind::kToday:
        break;
    }
  }

  auto model = dmn::DmnModel::LoadFile(dmn_path);
  if (!model) return tl::unexpected(model.error().WithContext(dmn_path));
  PROAKTIV_RETURN_IF_ERROR(CheckDmn(dmn_path, yaml_path, **model, def));

  bundle->dir_ = dir;
  bundle->definition_ = std::move(def);
  bundle->model_ = std::move(*model);
  return std::shared_ptr<const ServiceBundle>(std::move(bundle));
}

std::shared_ptr<const ServiceBundle> ServiceBundle::WithKommuneOverrides(
    std::vector<KommuneOverride> overrides) const {
  auto copy = std::shared_ptr<ServiceBundle>(new ServiceBundle(*this));
  for (KommuneOverride& o : overrides) copy->definition_.kommuner.push_back(std::move(o));
  return copy;
}

Result<std::shared_ptr<const ServiceBundle>> ServiceBundle::WithDmn(
    std::string_view dmn_xml, const std::string& source_name) const {
  namespace fs = std::filesystem;
  PROAKTIV_ASSIGN_OR_RETURN(dmn::Definitions main,
                            dmn::LoadDefinitionsFromString(dmn_xml, source_name));
  std::vector<dmn::Definitions> library;
  if (!main.imports.empty()) {  // as DmnModel::LoadFile: the folder's other models
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir_, ec)) {
      if (entry.path().extension() != ".dmn" || entry.path().filename() == "eligibility.dmn") {
        continue;
      }
      auto defs = dmn::LoadDefinitionsFromFile(entry.path().string());
      if (defs) library.push_back(std::move(*defs));
    }
  }
  auto model = dmn::DmnModel::Compile(std::move(main), std::move(library));
  if (!model) return tl::unexpected(model.error().WithContext(source_name));
  const std::string yaml_path = (fs::path(dir_) / "service.yaml").string();
  PROAKTIV_RETURN_IF_ERROR(CheckDmn(source_name, yaml_path, **model, definition_));
  auto copy = std::shared_ptr<ServiceBundle>(new ServiceBundle(*this));
  copy->model_ = std::move(*model);
  return std::shared_ptr<const ServiceBundle>(std::move(copy));
}

KommuneParameters ServiceBundle::ParametersFor(std::string_view kommunenummer) const {
  KommuneParameters out;
  out.kommunenummer = std::string(kommunenummer);
  for (const ParameterSpec& p : definition_.parameters) out.values[p.name] = p.default_value;
  for (const KommuneOverride& o : definition_.kommuner) {
    if (o.kommunenummer != kommunenummer) continue;
    if (o.enabled) out.enabled = *o.enabled;
    for (const auto& [name, value] : o.values) out.values[name] = value;
  }
  return out;
}

const ServiceBundle* ServiceLibrary::Find(std::string_view id) const {
  for (const auto& b : bundles_) {
    if (b->id() == id) return b.get();
  }
  return nullptr;
}

ServiceLibrary ServiceLibrary::Of(std::vector<std::shared_ptr<const ServiceBundle>> bundles) {
  std::sort(bundles.begin(), bundles.end(),
            [](const auto& a, const auto& b) { return a->id() < b->id(); });
  ServiceLibrary out;
  out.bundles_ = std::move(bundles);
  return out;
}

Result<ServiceLibrary> ServiceLibrary::Only(const std::vector<std::string>& ids) const {
  ServiceLibrary out;
  for (const std::string& id : ids) {
    if (Find(id) == nullptr) return NotFound(fmt::format("no service '{}' in the library", id));
  }
  for (const auto& bundle : bundles_) {
    if (std::find(ids.begin(), ids.end(), bundle->id()) != ids.end())
      out.bundles_.push_back(bundle);
  }
  return out;
}

Result<ServiceLibrary> LoadLibrary(const std::string& services_dir,
                                   const catalog::Catalog& catalog) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<fs::path> dirs;
  for (const auto& entry : fs::directory_iterator(services_dir, ec)) {
    if (entry.is_directory() && fs::exists(entry.path() / "service.yaml")) {
      dirs.push_back(entry.path());
    }
  }
  if (ec) return NotFound(fmt::format("{}: {}", services_dir, ec.message()));
  std::sort(dirs.begin(), dirs.end());
  ServiceLibrary lib;
  for (const fs::path& d : dirs) {
    PROAKTIV_ASSIGN_OR_RETURN(auto bundle, ServiceBundle::LoadDir(d.string(), catalog));
    lib.bundles_.push_back(std::move(bundle));
  }
  return lib;
}

}  // namespace proaktiv::engine
