#include "consent/consumer.h"

#include <algorithm>

#include <fmt/format.h>

#include "consent/ed25519.h"
#include "consent/organisation_number.h"

namespace proaktiv::consent {

Result<store::ConsumerRecord> MakeConsumer(std::string_view org_number, std::string_view name,
                                           const std::vector<std::string>& purposes,
                                           std::string_view public_key,
                                           const catalog::Catalog& catalog, int64_t now_ms) {
  PROAKTIV_RETURN_IF_ERROR(CheckOrganisationNumber(org_number));
  if (name.empty() || name.size() > 200) {
    return InvalidArgument(fmt::format("consumer name: {} characters; give 1 to 200", name.size()));
  }
  if (purposes.empty()) return InvalidArgument("consumer purposes: give at least one");
  for (const std::string& purpose : purposes) {
    if (catalog.FindPurpose(purpose) == nullptr) {
      return InvalidArgument(fmt::format("consumer purposes: '{}' is not a purpose in {}",
                                         purpose.substr(0, 60), catalog.source()));
    }
  }
  if (public_key.size() != kPublicKeyBytes) {
    return InvalidArgument(
        fmt::format("consumer public key: {} bytes; an Ed25519 key has 32", public_key.size()));
  }
  std::vector<std::string> unique = purposes;
  std::sort(unique.begin(), unique.end());
  unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
  return store::ConsumerRecord{std::string(org_number), std::string(name), std::move(unique),
                               std::string(public_key), now_ms};
}

bool MayAskFor(const store::ConsumerRecord& consumer, std::string_view purpose) {
  return std::find(consumer.purposes.begin(), consumer.purposes.end(), purpose) !=
         consumer.purposes.end();
}

}  // namespace proaktiv::consent
