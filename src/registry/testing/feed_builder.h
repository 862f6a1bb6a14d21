#pragma once

// Test helpers that write feed lines and person documents (tests only).

#include <string>

#include <boost/json.hpp>

namespace proaktiv::registry::testing {

inline boost::json::object Meta(const std::string& id) {
  return {{"opplysningsidentifikator", id}, {"sekvens", 0}};
}

// A resident person document with one address in `kommune`.
inline boost::json::object PersonDoc(const std::string& id, const std::string& birth,
                                     const std::string& kommune,
                                     const std::string& given = "Kari") {
  return {
      {"identifikasjonsnummer",
       boost::json::array{{{"foedselsEllerDNummer", id}, {"status", "iBruk"}}}},
      {"navn",
       boost::json::array{
           {{"fornavn", given}, {"etternavn", "Nordmann"}, {"metadata", Meta("n-" + id)}}}},
      {"kjoenn", boost::json::array{{{"kjoenn", "kvinne"}}}},
      {"foedsel", boost::json::array{{{"foedselsdato", birth}}}},
      {"folkeregisterpersonstatus", boost::json::array{{{"status", "bosatt"}}}},
      {"bostedsadresse", boost::json::array{{{"adressenavn", "Storgata"},
                                             {"husnummer", "1"},
                                             {"postnummer", "0155"},
                                             {"poststed", "OSLO"},
                                             {"kommunenummer", kommune},
                                             {"flyttedato", birth},
                                             {"metadata", Meta("a-" + id)}}}},
  };
}

inline boost::json::object Address(const std::string& kommune, const std::string& street,
                                   const std::string& moved) {
  return {{"adressenavn", street}, {"husnummer", "2"},         {"postnummer", "5003"},
          {"poststed", "BERGEN"},  {"kommunenummer", kommune}, {"flyttedato", moved}};
}

inline std::string Entry(int64_t seq, const std::string& id, const std::string& type,
                         boost::json::object extra = {}) {
  boost::json::object hendelse{{"folkeregisteridentifikator", id},
                               {"hendelsetype", type},
                               {"ajourholdstidspunkt", "2024-06-20T09:26:03.689+02:00"}};
  for (auto& [k, v] : extra) hendelse[k] = v;
  return boost::json::serialize(
      boost::json::object{{"sekvensnummer", seq}, {"hendelse", hendelse}});
}

inline boost::json::object Change(const std::string& entity, const std::string& change,
                                  const std::string& fact_id, const std::string& target,
                                  boost::json::object body = {}) {
  boost::json::object o{{"entitet", entity}, {"entitetsendring", change}};
  if (!fact_id.empty()) o["opplysningsidentifikator"] = fact_id;
  if (!target.empty()) o["gjelderOpplysningsidentifikator"] = target;
  if (!body.empty()) o[entity] = std::move(body);
  return o;
}

}  // namespace proaktiv::registry::testing
