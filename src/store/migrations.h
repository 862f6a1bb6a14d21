#pragma once

// Versioned schema migrations, compiled into the binary from store/migrations/<backend>/*.sql.
// Migration N is applied once, in order, each in its own transaction with the version bump.

#include <span>
#include <string_view>

namespace proaktiv::store {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

std::span<const Migration> SqliteMigrations();

// The embedded migration texts (generated from the .sql files).
extern const std::string_view kSqlite0001Registry;
extern const std::string_view kSqlite0002Engine;
extern const std::string_view kSqlite0003OfferRecipientsByOffer;
extern const std::string_view kSqlite0004Portal;
extern const std::string_view kSqlite0005Audit;
extern const std::string_view kSqlite0006Consent;
extern const std::string_view kSqlite0007Delivery;

}  // namespace proaktiv::store
