#pragma once

// Identity number → position in a vector of persons, for the PersonLookup of
// bench/eligibility_vs_postgres.cc: an open-addressing table keyed by the 11 digits read as an
// integer (one cache line per lookup, where std::unordered_map<std::string> costs a bucket, a
// node and a string compare), with a std::unordered_map for anything that is not 11 digits.
// Build once, then read from any number of threads.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace proaktiv::bench {

class IdentityIndex {
 public:
  explicit IdentityIndex(size_t expected = 0) {
    size_t capacity = 1024;
    while (capacity < expected + expected / 2) capacity *= 2;
    slots_.assign(capacity, Slot{});
    mask_ = capacity - 1;
  }

  // Adds `number` → `index` unless the number is already there (the first one wins).
  void Insert(std::string_view number, int64_t index) {
    const auto key = Key(number);
    if (!key) {
      others_.emplace(std::string(number), index);
      return;
    }
    if (++size_ * 3 > slots_.size() * 2) Grow();
    Put(*key, index);
  }

  // The index of `number`, or -1.
  int64_t Find(std::string_view number) const {
    const auto key = Key(number);
    if (!key) {
      auto it = others_.find(std::string(number));
      return it == others_.end() ? -1 : it->second;
    }
    for (uint64_t i = Hash(*key);; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.key == 0) return -1;
      if (s.key == *key + 1) return s.index;
    }
  }

 private:
  struct Slot {
    uint64_t key = 0;  // the number + 1; 0 is empty
    int64_t index = 0;
  };

  static std::optional<uint64_t> Key(std::string_view number) {
    if (number.size() != 11) return std::nullopt;
    uint64_t v = 0;
    for (char c : number) {
      if (c < '0' || c > '9') return std::nullopt;
      v = v * 10 + static_cast<uint64_t>(c - '0');
    }
    return v;
  }
  uint64_t Hash(uint64_t key) const { return (key * 0x9E3779B97F4A7C15ULL >> 20) & mask_; }

  void Put(uint64_t key, int64_t index) {
    for (uint64_t i = Hash(key);; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.key == key + 1) {
        --size_;  // already there: the first one wins
        return;
      }
      if (s.key == 0) {
        s = Slot{key + 1, index};
        return;
      }
    }
  }

  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.size() * 2, Slot{});
    mask_ = slots_.size() - 1;
    for (const Slot& s : old) {
      if (s.key != 0) Put(s.key - 1, s.index);
    }
  }

  std::vector<Slot> slots_;
  uint64_t mask_ = 0;
  size_t size_ = 0;
  std::unordered_map<std::string, int64_t> others_;
};

}  // namespace proaktiv::bench
