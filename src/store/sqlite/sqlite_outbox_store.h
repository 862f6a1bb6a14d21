#pragma once

// The SQLite OutboxStore over the registry store's connection.

#include <memory>

#include "common/result.h"
#include "store/outbox_store.h"
#include "store/sqlite/database.h"

namespace proaktiv::store::sqlite {

// `db` must outlive the returned store.
Result<std::unique_ptr<OutboxStore>> MakeSqliteOutboxStore(Database& db);

}  // namespace proaktiv::store::sqlite
