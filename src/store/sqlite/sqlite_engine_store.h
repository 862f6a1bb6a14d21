#pragma once

// The SQLite EngineStore: the engine's tables (migrations/sqlite/0002_engine.sql) over the
// registry store's connection, so that both share one transaction.

#include <memory>

#include "common/result.h"
#include "store/engine_store.h"
#include "store/sqlite/database.h"

namespace proaktiv::store::sqlite {

// `db` must outlive the returned store.
Result<std::unique_ptr<EngineStore>> MakeSqliteEngineStore(Database& db);

}  // namespace proaktiv::store::sqlite
