#include "store/migrations.h"

#include <array>

namespace proaktiv::store {

std::span<const Migration> SqliteMigrations() {
  static const std::array<Migration, 5> kAll = {{
      {1, "registry", kSqlite0001Registry},
      {2, "engine", kSqlite0002Engine},
      {3, "offer_recipients_by_offer", kSqlite0003OfferRecipientsByOffer},
      {4, "portal", kSqlite0004Portal},
      {6, "consent", kSqlite0006Consent},
  }};
  return kAll;
}

}  // namespace proaktiv::store
