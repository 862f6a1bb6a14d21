#pragma once

// The SQLite AuditStore over the registry store's connection (0005_audit.sql).

#include <memory>

#include "common/result.h"
#include "store/audit_store.h"
#include "store/sqlite/database.h"

namespace proaktiv::store::sqlite {

// `db` must outlive the returned store.
Result<std::unique_ptr<AuditStore>> MakeSqliteAuditStore(Database& db);

}  // namespace proaktiv::store::sqlite
