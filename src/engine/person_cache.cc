#include "engine/person_cache.h"

namespace proaktiv::engine {

PersonCache::PersonCache(store::RegistryStore& store) : store_(store) {
  lookup_ = [this](std::string_view id) -> const registry::Person* {
    const store::StoredPerson* p = ById(id);
    return p ? &p->person : nullptr;
  };
}

const store::StoredPerson* PersonCache::Keep(store::StoredPerson person) {
  auto [it, inserted] = by_key_.try_emplace(person.key, nullptr);
  if (inserted) {
    it->second = std::make_unique<store::StoredPerson>(std::move(person));
    key_of_[&it->second->person] = it->first;
    for (const auto& fact : it->second->person.identity_numbers) {
      by_id_.emplace(fact.value.number, it->second.get());
    }
  }
  return it->second.get();
}

const store::StoredPerson* PersonCache::ByKey(int64_t key) {
  if (auto it = by_key_.find(key); it != by_key_.end()) return it->second.get();
  auto found = store_.FindPersonByKey(key);
  if (!found) {
    if (!error_) error_ = found.error();
    return nullptr;
  }
  return *found ? Keep(std::move(**found)) : nullptr;
}

const store::StoredPerson* PersonCache::ById(std::string_view identity_number) {
  if (auto it = by_id_.find(std::string(identity_number)); it != by_id_.end()) return it->second;
  auto found = store_.FindPerson(identity_number);
  if (!found) {
    if (!error_) error_ = found.error();
    return nullptr;
  }
  return *found ? Keep(std::move(**found)) : nullptr;
}

int64_t PersonCache::KeyOf(const registry::Person* person) const {
  auto it = key_of_.find(person);
  return it == key_of_.end() ? 0 : it->second;
}

void PersonCache::Clear() {
  by_key_.clear();
  by_id_.clear();
  key_of_.clear();
  error_.reset();
}

}  // namespace proaktiv::engine
