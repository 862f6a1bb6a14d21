#include "tests/golden/scenario_persons.h"

#include <fmt/format.h>
#include <boost/json.hpp>

#include "common/national_id.h"
#include "registry/entities.h"

namespace proaktiv::golden {

namespace {

using registry::Change;
using registry::EntityChange;
using registry::Person;
using registry::RelationRole;

template <typename T>
registry::Fact<T> MakeFact(std::string id, T value) {
  return registry::Fact<T>{std::move(id), 0, std::move(value)};
}

boost::json::object ChangeJson(const EntityChange& c) {
  boost::json::object o{{"entitet", c.entity}, {"entitetsendring", registry::Name(c.change)}};
  if (!c.fact_id.empty()) o["opplysningsidentifikator"] = c.fact_id;
  if (!c.target_id.empty()) o["gjelderOpplysningsidentifikator"] = c.target_id;
  if (!c.body.empty()) o[c.entity] = c.body;
  return o;
}

RelationRole ParentRole(const Person& parent) {
  const auto* sex = parent.sex.current();
  return sex != nullptr && *sex == registry::Sex::kMann ? RelationRole::kFar : RelationRole::kMor;
}

}  // namespace

Result<ScenarioPersons::Options> ScenarioPersons::ParseOptions(const std::vector<std::string>& w,
                                                               size_t from) const {
  Options o;
  for (size_t i = from; i < w.size(); ++i) {
    const std::string& key = w[i];
    if (key == "of") {
      while (i + 1 < w.size() && persons_.count(w[i + 1])) o.parents.push_back(w[++i]);
      if (o.parents.empty()) return InvalidArgument("'of' needs known parent labels");
      continue;
    }
    if (i + 1 >= w.size()) return InvalidArgument(fmt::format("'{}' needs a value", key));
    const std::string& value = w[++i];
    if (key == "kommune") {
      o.kommune = value;
    } else if (key == "name") {
      o.name = value;
    } else if (key == "sex") {
      o.sex = value;
    } else if (key == "protected") {
      o.protection = value;
    } else if (key == "born") {
      PROAKTIV_ASSIGN_OR_RETURN(o.born, CivilDate::Parse(value));
    } else {
      return InvalidArgument(fmt::format("unknown option '{}'", key));
    }
  }
  return o;
}

std::string ScenarioPersons::NextFactId(const std::string& label, const std::string& entity) {
  return fmt::format("{}-{}-{}", label, entity, ++fact_counter_[label + entity]);
}

Result<Person*> ScenarioPersons::Find(const std::string& label) {
  auto it = persons_.find(label);
  if (it == persons_.end()) return NotFound(fmt::format("no person '{}'", label));
  return &it->second;
}

Result<std::string> ScenarioPersons::IdOf(const std::string& label) const {
  auto it = persons_.find(label);
  if (it == persons_.end()) return NotFound(fmt::format("no person '{}'", label));
  return it->second.id();
}

Result<Person*> ScenarioPersons::Create(const std::string& label, CivilDate born,
                                        CivilDate moved_in, const Options& o) {
  if (persons_.count(label)) return InvalidArgument(fmt::format("'{}' exists already", label));
  std::optional<NationalId> id;
  const int base = born.year() >= 2000 ? 500 : 100;
  for (int tries = 0; tries < 400 && !id; ++tries) {
    auto made = NationalId::Make(born, base + (individual_++ % 399), IdKind::kFodselsnummer, true);
    if (made) id = *made;
  }
  if (!id) return Internal("no identity number could be made");
  Person p;
  p.identity_numbers.push_back(
      MakeFact(NextFactId(label, "id"), registry::IdentityNumber{id->digits(), true}));
  p.name.facts.push_back(
      MakeFact(NextFactId(label, "navn"),
               registry::PersonName{o.name.empty() ? label : o.name, "", "Nordmann"}));
  PROAKTIV_ASSIGN_OR_RETURN(registry::Sex sex, registry::ParseSex(o.sex));
  p.sex.facts.push_back(MakeFact(NextFactId(label, "kjoenn"), sex));
  p.birth.facts.push_back(MakeFact(NextFactId(label, "foedsel"), registry::Birth{born, o.kommune}));
  p.status.facts.push_back(
      MakeFact(NextFactId(label, "status"), registry::StatusFact{registry::PersonStatus::kBosatt}));
  registry::Address a{"Storgata", std::to_string(order_.size() + 1), "5003", "BERGEN", o.kommune,
                      moved_in};
  p.residence.facts.push_back(MakeFact(NextFactId(label, "adresse"), a));
  if (!o.protection.empty()) {
    PROAKTIV_ASSIGN_OR_RETURN(auto grading, registry::ParseAddressProtection(o.protection));
    p.protection.facts.push_back(
        MakeFact(NextFactId(label, "beskyttelse"), registry::ProtectionFact{grading}));
  }
  order_.push_back(label);
  return &(persons_[label] = std::move(p));
}

Result<std::vector<std::pair<std::string, EntityChange>>> ScenarioPersons::Link(
    const std::string& child_label, const std::vector<std::string>& parents, bool as_events) {
  std::vector<std::pair<std::string, EntityChange>> changes;
  PROAKTIV_ASSIGN_OR_RETURN(Person * child, Find(child_label));
  for (const std::string& parent_label : parents) {
    PROAKTIV_ASSIGN_OR_RETURN(Person * parent, Find(parent_label));
    const RelationRole role = ParentRole(*parent);
    child->relations.push_back(
        MakeFact(NextFactId(child_label, "relasjon"),
                 registry::FamilyRelation{parent->id(), role, RelationRole::kBarn, {}}));
    registry::Responsibility kind = parents.size() > 1           ? registry::Responsibility::kFelles
                                    : role == RelationRole::kFar ? registry::Responsibility::kFar
                                                                 : registry::Responsibility::kMor;
    child->responsibility.push_back(
        MakeFact(NextFactId(child_label, "ansvar"),
                 registry::ParentalResponsibility{kind, parent->id(), child->id()}));
    registry::FamilyRelation back{child->id(), RelationRole::kBarn, role, {}};
    if (!as_events) {
      parent->relations.push_back(MakeFact(NextFactId(parent_label, "relasjon"), back));
      continue;
    }
    changes.emplace_back(parent_label, EntityChange{"familierelasjon", Change::kRegister,
                                                    NextFactId(parent_label, "relasjon"), "",
                                                    registry::EntityToJson(back)});
  }
  return changes;
}

std::string ScenarioPersons::Line(const std::string& label, const std::string& type, CivilDate day,
                                  std::vector<EntityChange> changes, bool with_document) {
  Person& p = persons_[label];
  ++sequence_;
  boost::json::array json_changes;
  for (const EntityChange& c : changes) {
    json_changes.push_back(ChangeJson(c));
    (void)registry::ApplyEntityChange(p, c, sequence_);  // keep our copy as the register's
  }
  boost::json::object hendelse{{"folkeregisteridentifikator", p.id()},
                               {"hendelsetype", type},
                               {"ajourholdstidspunkt", day.ToString() + "T12:00:00+01:00"}};
  if (with_document) hendelse["persondokument"] = registry::PersonToJson(p);
  if (!json_changes.empty()) hendelse["egenskapshendelse"] = std::move(json_changes);
  return boost::json::serialize(
      boost::json::object{{"sekvensnummer", sequence_}, {"hendelse", std::move(hendelse)}});
}

Status ScenarioPersons::Baseline(const std::vector<std::string>& w) {
  if (w[0] == "married") {
    if (w.size() != 3) return InvalidArgument("usage: married A B");
    PROAKTIV_ASSIGN_OR_RETURN(Person * a, Find(w[1]));
    PROAKTIV_ASSIGN_OR_RETURN(Person * b, Find(w[2]));
    for (auto [self, other, label] : {std::tuple{a, b, w[1]}, std::tuple{b, a, w[2]}}) {
      self->relations.push_back(
          MakeFact(NextFactId(label, "relasjon"),
                   registry::FamilyRelation{other->id(),
                                            RelationRole::kEktefelleEllerPartner,
                                            RelationRole::kEktefelleEllerPartner,
                                            {}}));
      self->civil_status.facts.push_back(MakeFact(
          NextFactId(label, "sivilstand"),
          registry::CivilStatusFact{registry::CivilStatus::kGift, std::nullopt, other->id()}));
    }
    return {};
  }
  if (w.size() < 2) return InvalidArgument(fmt::format("usage: {} LABEL born DATE …", w[0]));
  PROAKTIV_ASSIGN_OR_RETURN(Options o, ParseOptions(w, 2));
  if (!o.born) return InvalidArgument(fmt::format("'{}' needs 'born DATE'", w[1]));
  if (w[0] == "child" && o.parents.empty()) return InvalidArgument("'child' needs 'of PARENT'");
  PROAKTIV_RETURN_IF_ERROR(Create(w[1], *o.born, *o.born, o));
  if (!o.parents.empty()) PROAKTIV_RETURN_IF_ERROR(Link(w[1], o.parents, false));
  return {};
}

std::vector<std::string> ScenarioPersons::BaselineLines(CivilDate start) {
  std::vector<std::string> lines;
  for (const std::string& label : order_) {
    lines.push_back(Line(label, "personErOpprettet", start, {}, true));
  }
  return lines;
}

Result<std::vector<std::string>> ScenarioPersons::Event(CivilDate day,
                                                        const std::vector<std::string>& w) {
  if (w.empty()) return InvalidArgument("a date needs an event");
  const std::string& verb = w[0];
  auto need = [&](size_t n) -> Status {
    if (w.size() < n) return InvalidArgument(fmt::format("'{}' needs more arguments", verb));
    return {};
  };
  std::vector<std::string> lines;
  if (verb == "born" || verb == "immigrate") {
    PROAKTIV_RETURN_IF_ERROR(need(2));
    PROAKTIV_ASSIGN_OR_RETURN(Options o, ParseOptions(w, 2));
    if (verb == "born" && o.parents.empty()) return InvalidArgument("'born' needs 'of PARENT'");
    if (verb == "born" && o.kommune == "4601" && !o.parents.empty()) {
      o.kommune = persons_[o.parents[0]].kommunenummer();
    }
    PROAKTIV_RETURN_IF_ERROR(Create(w[1], verb == "born" ? day : o.born.value_or(day), day, o));
    PROAKTIV_ASSIGN_OR_RETURN(auto links, Link(w[1], o.parents, true));
    lines.push_back(
        Line(w[1], verb == "born" ? "personErOpprettet" : "personErBosatt", day, {}, true));
    for (auto& [parent, change] : links) {
      lines.push_back(Line(parent, "endringIFamilierelasjon", day, {std::move(change)}, false));
    }
    return lines;
  }
  if (verb == "stillborn") {
    PROAKTIV_RETURN_IF_ERROR(need(3));
    PROAKTIV_ASSIGN_OR_RETURN(Person * mother, Find(w[2]));
    registry::FamilyRelation r{"", RelationRole::kDoedfoedtBarn, ParentRole(*mother), day};
    EntityChange c{"familierelasjon", Change::kRegister, NextFactId(w[2], "relasjon"), "",
                   registry::EntityToJson(r)};
    return std::vector<std::string>{Line(w[2], "endringIFamilierelasjon", day, {c}, false)};
  }
  PROAKTIV_RETURN_IF_ERROR(need(2));
  const std::string& label = w[1];
  PROAKTIV_ASSIGN_OR_RETURN(Person * p, Find(label));
  if (verb == "move") {
    PROAKTIV_RETURN_IF_ERROR(need(3));
    registry::Address a = *p->residence.current();
    a.kommunenummer = w[2];
    a.street = "Nygata";
    a.moved_in = day;
    EntityChange c{"bostedsadresse", Change::kRegister, NextFactId(label, "adresse"), "",
                   registry::EntityToJson(a)};
    return std::vector<std::string>{Line(label, "endringIBostedsadresse", day, {c}, false)};
  }
  if (verb == "die") {
    EntityChange death{"doedsfall", Change::kRegister, NextFactId(label, "doedsfall"), "",
                       registry::EntityToJson(registry::Death{day})};
    EntityChange status{
        "folkeregisterpersonstatus", Change::kRegister, NextFactId(label, "status"), "",
        registry::EntityToJson(registry::StatusFact{registry::PersonStatus::kDoed})};
    return std::vector<std::string>{Line(label, "personErDoed", day, {death, status}, false)};
  }
  if (verb == "annul-death") {
    if (p->death.empty()) return InvalidArgument(fmt::format("'{}' has no death to annul", label));
    EntityChange death{"doedsfall", Change::kAnnul, "", p->death.facts.back().fact_id, {}};
    EntityChange status{
        "folkeregisterpersonstatus", Change::kAnnul, "", p->status.facts.back().fact_id, {}};
    return std::vector<std::string>{Line(label, "personErReaktivert", day, {death, status}, false)};
  }
  if (verb == "correct-birth") {
    PROAKTIV_RETURN_IF_ERROR(need(3));
    PROAKTIV_ASSIGN_OR_RETURN(CivilDate born, CivilDate::Parse(w[2]));
    registry::Birth b = *p->birth.current();
    b.date = born;
    EntityChange c{"foedsel", Change::kCorrect, NextFactId(label, "foedsel"),
                   p->birth.facts.back().fact_id, registry::EntityToJson(b)};
    return std::vector<std::string>{Line(label, "endringIFoedsel", day, {c}, false)};
  }
  if (verb == "widowed") {
    registry::CivilStatusFact s{registry::CivilStatus::kEnkeEllerEnkemann, day, ""};
    EntityChange c{"sivilstand", Change::kRegister, NextFactId(label, "sivilstand"), "",
                   registry::EntityToJson(s)};
    return std::vector<std::string>{Line(label, "endringISivilstand", day, {c}, false)};
  }
  if (verb == "protect") {
    PROAKTIV_RETURN_IF_ERROR(need(3));
    PROAKTIV_ASSIGN_OR_RETURN(auto grading, registry::ParseAddressProtection(w[2]));
    EntityChange c{"adressebeskyttelse", Change::kRegister, NextFactId(label, "beskyttelse"), "",
                   registry::EntityToJson(registry::ProtectionFact{grading})};
    return std::vector<std::string>{Line(label, "endringIAdressebeskyttelse", day, {c}, false)};
  }
  if (verb == "guardianship") {
    boost::json::object body{{"type", "voksen"},
                             {"embete", "Statsforvalteren i Vestland"},
                             {"omfang", "personligeOgOekonomiskeInteresser"}};
    EntityChange c{"vergemaalEllerFremtidsfullmakt", Change::kRegister, NextFactId(label, "verge"),
                   "", body};
    return std::vector<std::string>{Line(label, "endringIVergemaal", day, {c}, false)};
  }
  return InvalidArgument(fmt::format("unknown event '{}'", verb));
}

}  // namespace proaktiv::golden
