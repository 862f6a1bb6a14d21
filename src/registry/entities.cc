#include "registry/entities.h"

#include <algorithm>
#include <array>

#include <fmt/format.h>
#include <boost/json/array.hpp>

#include "registry/entity_json.h"
#include "registry/json_fields.h"

namespace proaktiv::registry {
namespace json = boost::json;
namespace {

// How to reach an entity's facts inside a Person, with its codec.
struct EntityOps {
  std::string_view name;
  Status (*apply)(Person&, const EntityChange&, int64_t);
  void (*encode)(const Person&, std::string_view, json::object&);
  Status (*decode)(Person&, const json::array&);
};

template <typename T, auto Member>
std::vector<Fact<T>>& FactsOf(Person& p) {
  if constexpr (requires { (p.*Member).facts; }) {
    return (p.*Member).facts;
  } else {
    return p.*Member;
  }
}
template <typename T, auto Member>
const std::vector<Fact<T>>& FactsOf(const Person& p) {
  if constexpr (requires { (p.*Member).facts; }) {
    return (p.*Member).facts;
  } else {
    return p.*Member;
  }
}

template <typename T, auto Member>
Status ApplyTo(Person& p, const EntityChange& c, int64_t sequence) {
  std::vector<Fact<T>>& facts = FactsOf<T, Member>(p);
  if (c.change == Change::kRegister) {
    T value{};
    PROAKTIV_RETURN_IF_ERROR(DecodeEntity(c.body, value));
    facts.push_back(Fact<T>{c.fact_id, sequence, std::move(value)});
    return {};
  }
  if (c.target_id.empty()) {
    return InvalidArgument("field 'gjelderOpplysningsidentifikator' is missing");
  }
  auto it = std::find_if(facts.begin(), facts.end(),
                         [&](const Fact<T>& f) { return f.fact_id == c.target_id; });
  if (it == facts.end()) {
    return NotFound(fmt::format("no fact '{}' to {}", c.target_id, Name(c.change)));
  }
  if (c.change == Change::kCorrect) {
    T value{};
    PROAKTIV_RETURN_IF_ERROR(DecodeEntity(c.body, value));
    it->value = std::move(value);
    it->sequence = sequence;
    if (!c.fact_id.empty()) it->fact_id = c.fact_id;
  } else {
    facts.erase(it);
  }
  return {};
}

template <typename T, auto Member>
void EncodeFrom(const Person& p, std::string_view name, json::object& doc) {
  const auto& facts = FactsOf<T, Member>(p);
  if (facts.empty()) return;
  json::array out;
  out.reserve(facts.size());
  for (const auto& f : facts) {
    json::object o;
    EncodeEntity(f.value, o);
    json::object meta;
    meta["opplysningsidentifikator"] = f.fact_id;
    meta["sekvens"] = f.sequence;
    o["metadata"] = std::move(meta);
    out.push_back(std::move(o));
  }
  doc[name] = std::move(out);
}

template <typename T, auto Member>
Status DecodeInto(Person& p, const json::array& items) {
  auto& facts = FactsOf<T, Member>(p);
  for (size_t i = 0; i < items.size(); ++i) {
    PROAKTIV_ASSIGN_OR_RETURN(const json::object* o, RequireObject(items[i], "element"));
    Fact<T> fact{"", 0, T{}};
    PROAKTIV_RETURN_IF_ERROR(DecodeEntity(*o, fact.value));
    if (const json::value* meta = o->if_contains("metadata"); meta && meta->is_object()) {
      PROAKTIV_ASSIGN_OR_RETURN(auto id,
                                OptionalString(meta->get_object(), "opplysningsidentifikator"));
      fact.fact_id = id.value_or("");
      if (meta->get_object().contains("sekvens")) {
        PROAKTIV_ASSIGN_OR_RETURN(fact.sequence, RequireInt(meta->get_object(), "sekvens"));
      }
    }
    facts.push_back(std::move(fact));
  }
  return {};
}

template <typename T, auto Member>
constexpr EntityOps MakeOps(std::string_view name) {
  return EntityOps{name, &ApplyTo<T, Member>, &EncodeFrom<T, Member>, &DecodeInto<T, Member>};
}

// Document order of the entities.
const std::array<EntityOps, 12> kEntities = {
    MakeOps<IdentityNumber, &Person::identity_numbers>("identifikasjonsnummer"),
    MakeOps<PersonName, &Person::name>("navn"),
    MakeOps<Sex, &Person::sex>("kjoenn"),
    MakeOps<Birth, &Person::birth>("foedsel"),
    MakeOps<Death, &Person::death>("doedsfall"),
    MakeOps<StatusFact, &Person::status>("folkeregisterpersonstatus"),
    MakeOps<Address, &Person::residence>("bostedsadresse"),
    MakeOps<ProtectionFact, &Person::protection>("adressebeskyttelse"),
    MakeOps<FamilyRelation, &Person::relations>("familierelasjon"),
    MakeOps<ParentalResponsibility, &Person::responsibility>("foreldreansvar"),
    MakeOps<CivilStatusFact, &Person::civil_status>("sivilstand"),
    MakeOps<Guardianship, &Person::guardianship>("vergemaalEllerFremtidsfullmakt"),
};

const EntityOps* FindEntity(std::string_view name) {
  for (const auto& ops : kEntities) {
    if (ops.name == name) return &ops;
  }
  return nullptr;
}

}  // namespace

template <typename T>
boost::json::object EntityToJson(const T& value) {
  json::object o;
  EncodeEntity(value, o);
  return o;
}
template json::object EntityToJson(const IdentityNumber&);
template json::object EntityToJson(const PersonName&);
template json::object EntityToJson(const Sex&);
template json::object EntityToJson(const Birth&);
template json::object EntityToJson(const Death&);
template json::object EntityToJson(const StatusFact&);
template json::object EntityToJson(const Address&);
template json::object EntityToJson(const ProtectionFact&);
template json::object EntityToJson(const FamilyRelation&);
template json::object EntityToJson(const ParentalResponsibility&);
template json::object EntityToJson(const CivilStatusFact&);
template json::object EntityToJson(const Guardianship&);

Result<Change> ParseChange(std::string_view text) {
  if (text == "registrereNy") return Change::kRegister;
  if (text == "korrigere") return Change::kCorrect;
  if (text == "annullere") return Change::kAnnul;
  if (text == "opphoere") return Change::kCease;
  return InvalidArgument(fmt::format(
      "entitetsendring '{}' is not one of registrereNy, korrigere, annullere, opphoere", text));
}

std::string_view Name(Change change) {
  switch (change) {
    case Change::kRegister:
      return "registrereNy";
    case Change::kCorrect:
      return "korrigere";
    case Change::kAnnul:
      return "annullere";
    case Change::kCease:
      return "opphoere";
  }
  return "?";
}

bool IsKnownEntity(std::string_view entity) { return FindEntity(entity) != nullptr; }

Status ApplyEntityChange(Person& person, const EntityChange& change, int64_t sequence) {
  const EntityOps* ops = FindEntity(change.entity);
  if (ops == nullptr) return InvalidArgument(fmt::format("unknown entity '{}'", change.entity));
  auto status = ops->apply(person, change, sequence);
  if (!status) {
    return tl::unexpected(
        status.error().WithContext(fmt::format("{} {}", Name(change.change), change.entity)));
  }
  // A new identity number in use replaces the earlier ones (endringIIdentifikasjonsnummer).
  if (change.entity == "identifikasjonsnummer" && change.change == Change::kRegister &&
      person.identity_numbers.back().value.in_use) {
    for (size_t i = 0; i + 1 < person.identity_numbers.size(); ++i) {
      person.identity_numbers[i].value.in_use = false;
    }
  }
  return {};
}

json::object PersonToJson(const Person& person) {
  json::object doc;
  for (const auto& ops : kEntities) ops.encode(person, ops.name, doc);
  return doc;
}

Result<Person> PersonFromJson(const json::object& doc) {
  Person person;
  for (const auto& [key, value] : doc) {
    const EntityOps* ops = FindEntity(key);
    if (ops == nullptr) {
      return InvalidArgument(
          fmt::format("person document: unknown entity '{}'", std::string_view(key)));
    }
    if (!value.is_array()) {
      return InvalidArgument(fmt::format("person document: '{}' must be an array, got {}",
                                         std::string_view(key), JsonKindName(value)));
    }
    auto status = ops->decode(person, value.get_array());
    if (!status) {
      return tl::unexpected(
          status.error().WithContext(fmt::format("person document: {}", ops->name)));
    }
  }
  if (person.id().empty()) {
    return InvalidArgument("person document: no identifikasjonsnummer in use");
  }
  return person;
}

}  // namespace proaktiv::registry
