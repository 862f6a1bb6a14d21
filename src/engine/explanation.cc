#include "engine/explanation.h"

#include "dmn/json_values.h"

namespace proaktiv::engine {

boost::json::object Explain(const ServiceBundle& bundle, const Decision& decision,
                            const KommuneParameters& params, CivilDate decided_on) {
  const ServiceDefinition& def = bundle.definition();
  boost::json::object out;
  out["service"] = def.id;
  out["version"] = def.version;
  out["decided_on"] = decided_on.ToString();
  out["kommunenummer"] = params.kommunenummer;
  out["legal_basis"] = {{"reference", def.legal_reference}, {"url", def.legal_url}};
  boost::json::array sources;
  for (const auto& s : def.sources) sources.emplace_back(s);
  out["sources"] = std::move(sources);
  out["eligible"] = decision.eligible;
  out["reason"] = decision.reason;
  boost::json::object reason_text;
  for (std::string_view lang : catalog::kLanguages) {
    reason_text[lang] = decision.reason_text.In(lang);
  }
  out["reason_text"] = std::move(reason_text);
  boost::json::object parameters;
  for (const auto& [name, value] : params.values) parameters[name] = value.ToString();
  out["parameters"] = std::move(parameters);
  boost::json::object inputs;
  for (const auto& [name, value] : decision.inputs) inputs[name] = dmn::FeelToJson(value);
  out["inputs"] = std::move(inputs);
  boost::json::array rules;
  for (const FiredRule& r : decision.rules) {
    boost::json::object rule{{"decision", r.decision},
                             {"hit_policy", r.hit_policy},
                             {"row", r.row},
                             {"rule_id", r.rule_id},
                             {"description", r.description}};
    boost::json::object seen, outputs;
    for (const auto& [name, value] : r.inputs) seen[name] = dmn::FeelToJson(value);
    for (const auto& [name, value] : r.outputs) outputs[name] = dmn::FeelToJson(value);
    rule["inputs"] = std::move(seen);
    rule["outputs"] = std::move(outputs);
    rules.push_back(std::move(rule));
  }
  out["rules"] = std::move(rules);
  return out;
}

}  // namespace proaktiv::engine
