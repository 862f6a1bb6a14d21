#pragma once

// Helpers for the delivery tests (tests only): a registry person, a contact record, times.

#include <chrono>
#include <string>

#include "common/civil_date.h"
#include "registry/person.h"
#include "store/contact_store.h"

namespace proaktiv::delivery::testing {

// Seconds since 1970-01-01 UTC of an ISO date-time in UTC ("2026-03-02T10:00:00").
inline int64_t Utc(const char* iso) {
  CivilDate d = *CivilDate::Parse(iso);
  std::string s(iso);
  int h = 0, m = 0;
  if (s.size() >= 16) {
    h = std::stoi(s.substr(11, 2));
    m = std::stoi(s.substr(14, 2));
  }
  return int64_t{d.days()} * 86400 + h * 3600 + m * 60;
}

inline std::chrono::system_clock::time_point At(const char* iso) {
  return std::chrono::system_clock::time_point(std::chrono::seconds(Utc(iso)));
}

template <typename T>
registry::Fact<T> F(T v) {
  return registry::Fact<T>{"f", 0, std::move(v)};
}

inline registry::Person MakePerson(
    const std::string& id, const std::string& given,
    registry::AddressProtection protection = registry::AddressProtection::kUgradert) {
  registry::Person p;
  p.identity_numbers.push_back(F(registry::IdentityNumber{id, true}));
  p.name.facts.push_back(F(registry::PersonName{given, "", "Nordmann"}));
  p.birth.facts.push_back(F(registry::Birth{*CivilDate::Parse("1990-05-01"), "4601"}));
  p.status.facts.push_back(F(registry::StatusFact{registry::PersonStatus::kBosatt}));
  registry::Address a;
  a.street = "Storgata";
  a.house_number = "1";
  a.postal_code = "5003";
  a.postal_place = "BERGEN";
  a.kommunenummer = "4601";
  p.residence.facts.push_back(F(a));
  if (protection != registry::AddressProtection::kUgradert) {
    p.protection.facts.push_back(F(registry::ProtectionFact{protection}));
  }
  return p;
}

// An active, unreserved record with e-mail and mobile confirmed at `confirmed`, no mailbox.
inline store::ContactRecord Contact(int64_t person_key, int64_t confirmed) {
  store::ContactRecord c;
  c.person_key = person_key;
  c.notification_status = "KAN_VARSLES";
  c.email = "ola.nordmann@eksempel.no";
  c.email_updated = confirmed;
  c.mobile = "+4799999999";
  c.mobile_updated = confirmed;
  c.language = "nb";
  return c;
}

}  // namespace proaktiv::delivery::testing
