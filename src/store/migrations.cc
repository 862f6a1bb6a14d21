#include "store/migrations.h"

#include <array>

namespace proaktiv::store {

std::span<const Migration> SqliteMigrations() {
  static const std::array<Migration, 2> kAll = {{
      {1, "registry", kSqlite0001Registry},
      {2, "engine", kSqlite0002Engine},
  }};
  return kAll;
}

}  // namespace proaktiv::store
