#pragma once

// A data consumer as it is registered (`proaktiv consumer add`): an organisation (its
// organisation number, mod-11 checked, is its OAuth client id), its name, the catalog purposes
// it may ask consent for, and the Ed25519 public key that verifies its client assertions.
// Pure functions; thread-safe.

#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.h"
#include "common/result.h"
#include "store/consent_store.h"

namespace proaktiv::consent {

// Checks every part and returns the record to store. Errors name the field and the value:
// the organisation number (CheckOrganisationNumber), an empty or over-long name (200
// characters), no purposes, a purpose the catalog does not know, a public key that is not
// Ed25519 (32 bytes).
Result<store::ConsumerRecord> MakeConsumer(std::string_view org_number, std::string_view name,
                                           const std::vector<std::string>& purposes,
                                           std::string_view public_key,
                                           const catalog::Catalog& catalog, int64_t now_ms);

bool MayAskFor(const store::ConsumerRecord& consumer, std::string_view purpose);

}  // namespace proaktiv::consent
