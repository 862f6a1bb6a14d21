#pragma once

// Internal: SlotGuard saves some slots of a feel::Frame and restores them when it goes out of
// scope, so that boxed expressions binding names (context entries, iterator variables) leave
// the enclosing frame as they found it. Not thread-safe (a Frame belongs to one evaluation).

#include <vector>

#include "feel/feel.h"

namespace proaktiv::dmn {

// Saves the given slots of a frame and restores them on destruction.
class SlotGuard {
 public:
  SlotGuard(feel::Frame& frame, const std::vector<feel::Slot>& slots)
      : frame_(frame), slots_(slots) {
    saved_.reserve(slots.size());
    for (feel::Slot s : slots) saved_.push_back(frame.Get(s));
  }
  ~SlotGuard() {
    for (size_t i = 0; i < slots_.size(); ++i) frame_.Set(slots_[i], std::move(saved_[i]));
  }
  SlotGuard(const SlotGuard&) = delete;
  SlotGuard& operator=(const SlotGuard&) = delete;

 private:
  feel::Frame& frame_;
  const std::vector<feel::Slot>& slots_;
  std::vector<feel::Value> saved_;
};

}  // namespace proaktiv::dmn
