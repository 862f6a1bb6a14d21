#include "engine/field_extractor.h"

#include <string>

#include "registry/kommune.h"

namespace proaktiv::engine {

namespace {

using feel::Value;
using registry::Person;

Value Date(CivilDate d) { return Value::FromDate(feel::Date{d.days()}); }
Value Date(const std::optional<CivilDate>& d) { return d ? Date(*d) : Value(); }
Value Str(std::string_view s) { return Value::String(std::string(s)); }
Value StrOrNull(std::string_view s) { return s.empty() ? Value() : Str(s); }

int MonthsSince(CivilDate birth, CivilDate today) {
  int months = (today.year() - birth.year()) * 12 + (today.month() - birth.month());
  if (today.day() < birth.day()) --months;
  return months;
}

Value Name(const ExtractionContext& c) {
  const registry::PersonName* n = c.person.name.current();
  if (n == nullptr) return Value();
  feel::Context ctx;
  ctx.Put("given", Str(n->given));
  ctx.Put("middle", Str(n->middle));
  ctx.Put("family", Str(n->family));
  ctx.Put("full", Str(FullName(c.person)));
  return Value::FromContext(std::move(ctx));
}

Value BirthDate(const ExtractionContext& c) { return Date(c.person.birth_date()); }

Value AgeYears(const ExtractionContext& c) {
  auto b = c.person.birth_date();
  return b ? Value::Int(c.today.YearsSince(*b)) : Value();
}

Value AgeMonths(const ExtractionContext& c) {
  auto b = c.person.birth_date();
  return b ? Value::Int(MonthsSince(*b, c.today)) : Value();
}

Value Sex(const ExtractionContext& c) {
  const registry::Sex* s = c.person.sex.current();
  return s ? Str(registry::Name(*s)) : Value();
}

std::optional<std::string_view> StatusText(const ExtractionContext& c) {
  if (c.person.is_dead()) return registry::Name(registry::PersonStatus::kDoed);
  return registry::Name(c.person.current_status());
}

Value Status(const ExtractionContext& c) { return Str(*StatusText(c)); }

Value DeathDate(const ExtractionContext& c) {
  const registry::Death* d = c.person.death.current();
  return d ? Date(d->date) : Value();
}

Value Kommunenummer(const ExtractionContext& c) { return StrOrNull(c.person.kommunenummer()); }

Value Address(const ExtractionContext& c) {
  const registry::Address* a = c.person.residence.current();
  if (a == nullptr || c.person.current_protection() != registry::AddressProtection::kUgradert) {
    return Value();
  }
  feel::Context ctx;
  ctx.Put("street", Str(a->street));
  ctx.Put("house_number", Str(a->house_number));
  ctx.Put("postal_code", Str(a->postal_code));
  ctx.Put("postal_place", Str(a->postal_place));
  ctx.Put("kommunenummer", Str(a->kommunenummer));
  return Value::FromContext(std::move(ctx));
}

Value MovedIn(const ExtractionContext& c) {
  const registry::Address* a = c.person.residence.current();
  return a && a->moved_in.days() != 0 ? Date(a->moved_in) : Value();
}

Value PreviousKommunenummer(const ExtractionContext& c) {
  const auto& facts = c.person.residence.facts;
  if (facts.size() < 2) return Value();
  return StrOrNull(facts[facts.size() - 2].value.kommunenummer);
}

Value Protection(const ExtractionContext& c) {
  return Str(registry::Name(c.person.current_protection()));
}

Value CivilStatus(const ExtractionContext& c) {
  const registry::CivilStatusFact* s = c.person.civil_status.current();
  return s ? Str(registry::Name(s->status)) : Value();
}

Value CivilStatusDate(const ExtractionContext& c) {
  const registry::CivilStatusFact* s = c.person.civil_status.current();
  return s ? Date(s->valid_from) : Value();
}

Value Children(const ExtractionContext& c) {
  feel::List out;
  for (const std::string& id : c.person.RelatedIds(registry::RelationRole::kBarn)) {
    const Person* child = c.lookup ? c.lookup(id) : nullptr;
    if (child == nullptr || child->is_dead()) continue;
    auto birth = child->birth_date();
    feel::Context ctx;
    ctx.Put("name", Str(FullName(*child)));
    ctx.Put("birth_date", Date(birth));
    ctx.Put("age_years", birth ? Value::Int(c.today.YearsSince(*birth)) : Value());
    out.push_back(Value::FromContext(std::move(ctx)));
  }
  return Value::FromList(std::move(out));
}

// The role a related person has towards this one ("mor", "far", …), empty when not a parent.
std::string_view ParentRole(const Person& person, std::string_view id) {
  for (const auto& r : person.relations) {
    const auto role = r.value.related_role;
    if (r.value.related_id == id &&
        (role == registry::RelationRole::kMor || role == registry::RelationRole::kFar ||
         role == registry::RelationRole::kMedmor)) {
      return registry::Name(role);
    }
  }
  return "";
}

Value Parents(const ExtractionContext& c) {
  feel::List out;
  for (const auto& r : c.person.relations) {
    const std::string_view role = ParentRole(c.person, r.value.related_id);
    if (role.empty()) continue;
    const Person* parent = c.lookup ? c.lookup(r.value.related_id) : nullptr;
    if (parent == nullptr) continue;
    feel::Context ctx;
    ctx.Put("name", Str(FullName(*parent)));
    ctx.Put("role", Str(role));
    out.push_back(Value::FromContext(std::move(ctx)));
  }
  return Value::FromList(std::move(out));
}

// Calls `visit(holder, fact)` for each living, known holder of parental responsibility.
template <typename Visit>
void ForEachResponsibilityHolder(const ExtractionContext& c, Visit&& visit) {
  if (c.person.responsibility.empty()) return;
  const std::string& self = c.person.id();
  for (const auto& f : c.person.responsibility) {
    const auto& r = f.value;
    if (!r.child_id.empty() && r.child_id != self) continue;  // a parent's own facts
    const Person* holder = c.lookup ? c.lookup(r.holder_id) : nullptr;
    if (holder == nullptr || holder->is_dead()) continue;
    visit(*holder, r);
  }
}

Value ParentalResponsibility(const ExtractionContext& c) {
  feel::List out;
  ForEachResponsibilityHolder(c,
                              [&](const Person& holder, const registry::ParentalResponsibility& r) {
                                std::string_view role = ParentRole(c.person, r.holder_id);
                                feel::Context ctx;
                                ctx.Put("name", Str(FullName(holder)));
                                ctx.Put("role", Str(role.empty() ? "andre" : role));
                                ctx.Put("kind", Str(registry::Name(r.kind)));
                                out.push_back(Value::FromContext(std::move(ctx)));
                              });
  return Value::FromList(std::move(out));
}

size_t CountParentalResponsibility(const ExtractionContext& c) {
  size_t n = 0;
  ForEachResponsibilityHolder(c,
                              [&](const Person&, const registry::ParentalResponsibility&) { ++n; });
  return n;
}

Value FamilyDeaths(const ExtractionContext& c) {
  feel::List out;
  for (const auto& r : c.person.relations) {
    const auto role = r.value.related_role;
    if (role == registry::RelationRole::kDoedfoedtBarn || r.value.related_id.empty()) continue;
    const Person* other = c.lookup ? c.lookup(r.value.related_id) : nullptr;
    if (other == nullptr || !other->is_dead()) continue;
    feel::Context ctx;
    ctx.Put("relation", Str(registry::Name(role)));
    ctx.Put("death_date", Date(other->death.current()->date));
    out.push_back(Value::FromContext(std::move(ctx)));
  }
  return Value::FromList(std::move(out));
}

Value ContactLanguage(const ExtractionContext& c) {
  return c.contact ? StrOrNull(c.contact->language) : Value();
}

Value ContactReserved(const ExtractionContext& c) {
  return c.contact ? Value::Boolean(c.contact->reserved) : Value();
}

Value KommuneName(const ExtractionContext& c) {
  const registry::Kommune* k = registry::FindKommune(c.person.kommunenummer());
  return k ? Str(k->name) : Value();
}

constexpr FieldExtractor kExtractors[] = {
    {"person.name", &Name},
    {"person.birth_date", &BirthDate},
    {"person.age_years", &AgeYears},
    {"person.age_months", &AgeMonths},
    {"person.sex", &Sex},
    {"person.status", &Status, nullptr, &StatusText},
    {"person.death_date", &DeathDate},
    {"person.residence.kommunenummer", &Kommunenummer},
    {"person.residence.address", &Address},
    {"person.residence.moved_in", &MovedIn},
    {"person.residence.previous_kommunenummer", &PreviousKommunenummer},
    {"person.address_protection", &Protection},
    {"person.civil_status", &CivilStatus},
    {"person.civil_status_date", &CivilStatusDate},
    {"person.children", &Children},
    {"person.parents", &Parents},
    {"person.parental_responsibility", &ParentalResponsibility, &CountParentalResponsibility},
    {"person.family_deaths", &FamilyDeaths},
    {"contact.language", &ContactLanguage},
    {"contact.reserved", &ContactReserved},
    {"kommune.name", &KommuneName},
};

}  // namespace

std::span<const FieldExtractor> AllFieldExtractors() { return kExtractors; }

const FieldExtractor* FindFieldExtractor(std::string_view field_id) {
  for (const FieldExtractor& e : kExtractors) {
    if (e.field_id == field_id) return &e;
  }
  return nullptr;
}

std::string FullName(const registry::Person& person) {
  const registry::PersonName* n = person.name.current();
  if (n == nullptr) return "";
  std::string out;
  for (const std::string* part : {&n->given, &n->middle, &n->family}) {
    if (part->empty()) continue;
    if (!out.empty()) out += ' ';
    out += *part;
  }
  return out;
}

}  // namespace proaktiv::engine
