#pragma once

// Storage for the portal's tables: citizens' preferences and feedback on offers (0004_portal.sql).
// Lives in the registry's database and shares its transaction (RegistryStore::Begin/Commit); used
// by one thread at a time, like the RegistryStore that owns it.

#include "common/result.h"

namespace proaktiv::store {

class PortalStore {
 public:
  virtual ~PortalStore() = default;
};

}  // namespace proaktiv::store
