#pragma once

// Storage for the contact register (shaped like Digdir's Kontakt- og reservasjonsregisteret,
// KRR): one record per person, keyed by the registry's person key, so that no identity number
// is kept beside the contact data. Lives in the registry's database and shares its transaction
// (RegistryStore::Begin/Commit); used by one thread at a time, like the RegistryStore that owns
// it. delivery/contact_register.h parses the register's JSON into these records.

#include <cstdint>
#include <optional>
#include <string>

#include "common/result.h"

namespace proaktiv::store {

// One person's KRR record. Times are seconds since 1970-01-01 UTC.
struct ContactRecord {
  int64_t person_key = 0;
  bool reserved = false;                                 // reservasjon "JA"
  std::string status = "AKTIV";                          // AKTIV, SLETTET, IKKE_REGISTRERT
  std::string notification_status = "KAN_IKKE_VARSLES";  // varslingsstatus
  std::string email;
  std::optional<int64_t> email_updated;
  std::optional<int64_t> email_verified;
  std::string mobile;  // +47…
  std::optional<int64_t> mobile_updated;
  std::optional<int64_t> mobile_verified;
  std::string mailbox_address;   // digital postkasse
  std::string mailbox_provider;  // "digipost", "eboks" (or the provider's org. number)
  std::string language = "nb";   // nb, nn, en, se
  int64_t loaded_at = 0;

  bool operator==(const ContactRecord&) const = default;
};

class ContactStore {
 public:
  virtual ~ContactStore() = default;

  // Stores (or replaces) the person's record.
  virtual Status PutContact(const ContactRecord& record) = 0;
  virtual Result<std::optional<ContactRecord>> FindContact(int64_t person_key) = 0;
  virtual Result<int64_t> CountContacts() = 0;
};

}  // namespace proaktiv::store
