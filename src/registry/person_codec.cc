#include "registry/person_codec.h"

#include <cstdint>

namespace proaktiv::registry {
namespace {

// Version 1: the eleven fact lists up to civil status. Version 2 (written now) appends
// guardianship; version 1 records still decode, with no guardianship.
constexpr uint8_t kVersion = 2;
constexpr uint8_t kOldestVersion = 1;

class Writer {
 public:
  void Varint(uint64_t v) {
    while (v >= 0x80) {
      out_ += static_cast<char>((v & 0x7f) | 0x80);
      v >>= 7;
    }
    out_ += static_cast<char>(v);
  }
  void Signed(int64_t v) {
    Varint((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63));
  }
  void Byte(uint8_t b) { out_ += static_cast<char>(b); }
  void Str(const std::string& s) {
    Varint(s.size());
    out_ += s;
  }
  void Date(CivilDate d) { Signed(d.days()); }
  void OptDate(const std::optional<CivilDate>& d) {
    Byte(d.has_value());
    if (d) Date(*d);
  }
  template <typename E>
  void Enum(E e) {
    Byte(static_cast<uint8_t>(e));
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  bool done() const { return pos_ == in_.size(); }

  uint64_t Varint() {
    uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (pos_ >= in_.size()) return Fail();
      auto b = static_cast<uint8_t>(in_[pos_++]);
      v |= static_cast<uint64_t>(b & 0x7f) << shift;
      if ((b & 0x80) == 0) return v;
    }
    return Fail();
  }
  int64_t Signed() {
    uint64_t v = Varint();
    return static_cast<int64_t>((v >> 1) ^ (~(v & 1) + 1));
  }
  uint8_t Byte() {
    if (pos_ >= in_.size()) return static_cast<uint8_t>(Fail());
    return static_cast<uint8_t>(in_[pos_++]);
  }
  std::string Str() {
    uint64_t n = Varint();
    if (!ok_ || n > in_.size() - pos_) return Fail(), std::string();
    std::string s(in_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  CivilDate Date() { return CivilDate::FromDays(static_cast<int32_t>(Signed())); }
  std::optional<CivilDate> OptDate() {
    if (Byte() == 0) return std::nullopt;
    return Date();
  }
  // Reads an enum byte and checks it is at most `last`.
  template <typename E>
  E Enum(E last) {
    uint8_t b = Byte();
    if (b > static_cast<uint8_t>(last)) Fail();
    return static_cast<E>(b);
  }
  size_t Count() {
    uint64_t n = Varint();
    if (n > in_.size()) Fail();  // every element takes at least one byte
    return ok_ ? static_cast<size_t>(n) : 0;
  }

 private:
  uint64_t Fail() {
    ok_ = false;
    pos_ = in_.size();
    return 0;
  }
  std::string_view in_;
  size_t pos_ = 0;
  bool ok_ = true;
};

void Put(Writer& w, const IdentityNumber& v) {
  w.Str(v.number);
  w.Byte(v.in_use);
}
void Get(Reader& r, IdentityNumber& v) {
  v.number = r.Str();
  v.in_use = r.Byte() != 0;
}
void Put(Writer& w, const PersonName& v) {
  w.Str(v.given);
  w.Str(v.middle);
  w.Str(v.family);
}
void Get(Reader& r, PersonName& v) {
  v.given = r.Str();
  v.middle = r.Str();
  v.family = r.Str();
}
void Put(Writer& w, const Sex& v) { w.Enum(v); }
void Get(Reader& r, Sex& v) { v = r.Enum(Sex::kMann); }
void Put(Writer& w, const Birth& v) {
  w.Date(v.date);
  w.Str(v.kommunenummer);
}
void Get(Reader& r, Birth& v) {
  v.date = r.Date();
  v.kommunenummer = r.Str();
}
void Put(Writer& w, const Death& v) { w.Date(v.date); }
void Get(Reader& r, Death& v) { v.date = r.Date(); }
void Put(Writer& w, const StatusFact& v) { w.Enum(v.status); }
void Get(Reader& r, StatusFact& v) { v.status = r.Enum(PersonStatus::kFoedselsregistrert); }
void Put(Writer& w, const Address& v) {
  w.Str(v.street);
  w.Str(v.house_number);
  w.Str(v.postal_code);
  w.Str(v.postal_place);
  w.Str(v.kommunenummer);
  w.Date(v.moved_in);
}
void Get(Reader& r, Address& v) {
  v.street = r.Str();
  v.house_number = r.Str();
  v.postal_code = r.Str();
  v.postal_place = r.Str();
  v.kommunenummer = r.Str();
  v.moved_in = r.Date();
}
void Put(Writer& w, const ProtectionFact& v) { w.Enum(v.grading); }
void Get(Reader& r, ProtectionFact& v) {
  v.grading = r.Enum(AddressProtection::kStrengtFortroligUtland);
}
void Put(Writer& w, const FamilyRelation& v) {
  w.Str(v.related_id);
  w.Enum(v.related_role);
  w.Byte(v.my_role ? static_cast<uint8_t>(*v.my_role) + 1 : 0);
  w.OptDate(v.date);
}
void Get(Reader& r, FamilyRelation& v) {
  v.related_id = r.Str();
  v.related_role = r.Enum(RelationRole::kDoedfoedtBarn);
  uint8_t mine = r.Byte();
  if (mine > static_cast<uint8_t>(RelationRole::kDoedfoedtBarn) + 1) mine = 0;
  v.my_role = mine == 0 ? std::nullopt : std::optional(static_cast<RelationRole>(mine - 1));
  v.date = r.OptDate();
}
void Put(Writer& w, const ParentalResponsibility& v) {
  w.Enum(v.kind);
  w.Str(v.holder_id);
  w.Str(v.child_id);
}
void Get(Reader& r, ParentalResponsibility& v) {
  v.kind = r.Enum(Responsibility::kUkjent);
  v.holder_id = r.Str();
  v.child_id = r.Str();
}
void Put(Writer& w, const CivilStatusFact& v) {
  w.Enum(v.status);
  w.OptDate(v.valid_from);
  w.Str(v.related_id);
}
void Get(Reader& r, CivilStatusFact& v) {
  v.status = r.Enum(CivilStatus::kGjenlevendePartner);
  v.valid_from = r.OptDate();
  v.related_id = r.Str();
}

void Put(Writer& w, const Guardianship& v) {
  w.Str(v.type);
  w.Str(v.embete);
  w.Str(v.guardian_id);
  Put(w, v.guardian_name);
  w.Str(v.scope);
  w.Byte(v.scope_within_personal);
}
void Get(Reader& r, Guardianship& v) {
  v.type = r.Str();
  v.embete = r.Str();
  v.guardian_id = r.Str();
  Get(r, v.guardian_name);
  v.scope = r.Str();
  v.scope_within_personal = r.Byte() != 0;
}

template <typename T>
void PutFacts(Writer& w, const std::vector<Fact<T>>& facts) {
  w.Varint(facts.size());
  for (const auto& f : facts) {
    w.Str(f.fact_id);
    w.Signed(f.sequence);
    Put(w, f.value);
  }
}
template <typename T>
void GetFacts(Reader& r, std::vector<Fact<T>>& facts) {
  size_t n = r.Count();
  facts.resize(n);
  for (auto& f : facts) {
    f.fact_id = r.Str();
    f.sequence = r.Signed();
    Get(r, f.value);
  }
}

// Visits the person's fact lists of format `version` in storage order (the order must never
// change; a new version only appends lists).
template <typename P, typename Fn>
void ForEachFactList(P& p, uint8_t version, Fn&& fn) {
  fn(p.identity_numbers);
  fn(p.name.facts);
  fn(p.sex.facts);
  fn(p.birth.facts);
  fn(p.death.facts);
  fn(p.status.facts);
  fn(p.residence.facts);
  fn(p.protection.facts);
  fn(p.relations);
  fn(p.responsibility);
  fn(p.civil_status.facts);
  if (version >= 2) fn(p.guardianship);
}

}  // namespace

std::string EncodePerson(const Person& person) {
  Writer w;
  w.Byte(kVersion);
  ForEachFactList(person, kVersion, [&](const auto& facts) { PutFacts(w, facts); });
  return w.Take();
}

Result<Person> DecodePerson(std::string_view bytes) {
  Reader r(bytes);
  uint8_t version = r.Byte();
  if (!r.ok() || version < kOldestVersion || version > kVersion) {
    return DataLoss("stored person: unknown format version " + std::to_string(version));
  }
  Person person;
  ForEachFactList(person, version, [&](auto& facts) { GetFacts(r, facts); });
  if (!r.ok() || !r.done()) return DataLoss("stored person: truncated or corrupt record");
  return person;
}

}  // namespace proaktiv::registry
