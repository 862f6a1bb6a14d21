#include "store/migrations.h"

#include <array>

namespace proaktiv::store {

std::span<const Migration> SqliteMigrations() {
  static const std::array<Migration, 1> kAll = {{
      {1, "registry", kSqlite0001Registry},
  }};
  return kAll;
}

}  // namespace proaktiv::store
