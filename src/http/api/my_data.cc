#include "http/api/my_data.h"

#include <algorithm>
#include <map>
#include <set>
#include <vector>

#include "dmn/json_values.h"
#include "engine/field_extractor.h"

namespace proaktiv::http::api {

Result<boost::json::object> MyDataJson(const catalog::Catalog& catalog,
                                       const engine::ServiceLibrary& library,
                                       engine::PersonCache& persons, const Citizen& citizen,
                                       const std::string& language, CivilDate today) {
  // field → purpose → services reading the field for it, in library (id) order.
  std::map<std::string, std::map<std::string, std::vector<std::string>>, std::less<>> used;
  for (const auto& bundle : library.bundles()) {
    const engine::ServiceDefinition& def = bundle->definition();
    for (const std::string& field : def.fields) used[field][def.purpose].push_back(def.id);
  }

  const engine::ExtractionContext context{*citizen.person, persons.lookup(), today, nullptr};
  boost::json::array fields;
  for (const catalog::Field& field : catalog.fields()) {
    auto use = used.find(field.id);
    if (use == used.end()) continue;
    boost::json::object out;
    out["field"] = field.id;
    out["label"] = field.description.In(language);
    const engine::FieldExtractor* extractor = engine::FindFieldExtractor(field.id);
    out["value"] = extractor ? dmn::FeelToJson(extractor->extract(context)) : nullptr;
    out["type"] = field.type;
    out["dataset"] = field.dataset;
    const catalog::Dataset* dataset = catalog.FindDataset(field.dataset);
    out["dataset_name"] = dataset ? dataset->name.In(language) : field.dataset;
    out["source"] = dataset ? dataset->source : "";
    out["legal_basis"] = field.legal_basis;
    out["retention"] = field.retention;
    boost::json::array purposes;
    for (const std::string& purpose_id : field.purposes) {
      const catalog::Purpose* purpose = catalog.FindPurpose(purpose_id);
      boost::json::array services;
      if (auto s = use->second.find(purpose_id); s != use->second.end()) {
        for (const std::string& id : s->second) services.emplace_back(id);
      }
      purposes.push_back(
          boost::json::object{{"id", purpose_id},
                              {"name", purpose ? purpose->description.In(language) : purpose_id},
                              {"legal_basis", purpose ? purpose->legal_basis : ""},
                              {"services", std::move(services)}});
    }
    out["purposes"] = std::move(purposes);
    fields.push_back(std::move(out));
  }
  if (persons.error()) return tl::unexpected(*persons.error());
  return boost::json::object{{"language", language}, {"fields", std::move(fields)}};
}

}  // namespace proaktiv::http::api
