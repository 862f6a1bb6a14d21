#include "store/migrations.h"

#include <array>

namespace proaktiv::store {

std::span<const Migration> SqliteMigrations() {
  static const std::array<Migration, 7> kAll = {{
      {1, "registry", kSqlite0001Registry},
      {2, "engine", kSqlite0002Engine},
      {3, "offer_recipients_by_offer", kSqlite0003OfferRecipientsByOffer},
      {4, "portal", kSqlite0004Portal},
      {5, "audit", kSqlite0005Audit},
      {6, "consent", kSqlite0006Consent},
      {7, "delivery", kSqlite0007Delivery},
  }};
  return kAll;
}

}  // namespace proaktiv::store
