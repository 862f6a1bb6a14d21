#pragma once

// Persons read from the store for one stretch of engine work, by key and by any identity
// number, so that a person and their family are decoded once however many triggers and
// services look at them. Pointers stay valid until Clear(). Not thread-safe.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/result.h"
#include "engine/field_extractor.h"
#include "store/store.h"

namespace proaktiv::engine {

class PersonCache {
 public:
  explicit PersonCache(store::RegistryStore& store);

  // nullptr when the store has no such person. Storage errors are kept in error().
  const store::StoredPerson* ByKey(int64_t key);
  const store::StoredPerson* ById(std::string_view identity_number);
  // The store key of a person this cache returned (0 for others).
  int64_t KeyOf(const registry::Person* person) const;

  // A PersonLookup over this cache, for the extractors and audience resolution.
  const PersonLookup& lookup() const { return lookup_; }

  // The first storage error met since the last Clear(), if any.
  const std::optional<Error>& error() const { return error_; }
  void Clear();
  size_t size() const { return by_key_.size(); }

 private:
  const store::StoredPerson* Keep(store::StoredPerson person);

  store::RegistryStore& store_;
  std::unordered_map<int64_t, std::unique_ptr<store::StoredPerson>> by_key_;
  std::unordered_map<std::string, const store::StoredPerson*> by_id_;
  std::unordered_map<const registry::Person*, int64_t> key_of_;
  std::optional<Error> error_;
  PersonLookup lookup_;
};

}  // namespace proaktiv::engine
