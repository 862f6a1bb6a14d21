#pragma once

// Storage for the admin's tables: kommune settings of services, and the uptake and satisfaction
// reports (0004_portal.sql). Lives in the registry's database and shares its transaction
// (RegistryStore::Begin/Commit); used by one thread at a time, like the RegistryStore that owns it.

#include "common/result.h"

namespace proaktiv::store {

class SettingsStore {
 public:
  virtual ~SettingsStore() = default;
};

}  // namespace proaktiv::store
