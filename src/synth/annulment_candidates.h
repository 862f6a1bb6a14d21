#pragma once

// The registrations of the simulated period that a later annulment may undo: a person's new
// name (after a marriage) or new address (after a single person's move within a kommune), each
// with what it replaced so that undoing it restores the person.

#include <cstdint>
#include <optional>
#include <vector>

#include "synth/population.h"
#include "synth/random.h"

namespace proaktiv::synth {

struct Undoable {
  int32_t person;
  FactRef fact;           // the registration an annulment would undo
  FactRef previous_fact;  // the one it replaced
  SynthAddress previous_address;
  uint16_t previous_given;
  uint16_t previous_family;
};

enum class UndoableKind : uint8_t { kName, kAddress };

class AnnulmentCandidates {
 public:
  void Add(UndoableKind kind, const Undoable& registration) { List(kind).push_back(registration); }

  // A candidate of `kind` drawn uniformly and removed; nullopt, without drawing, when there is
  // none.
  std::optional<Undoable> Take(UndoableKind kind, Rng& rng) {
    std::vector<Undoable>& list = List(kind);
    if (list.empty()) return std::nullopt;
    const size_t at = rng.Below(static_cast<uint32_t>(list.size()));
    Undoable taken = list[at];
    list[at] = list.back();
    list.pop_back();
    return taken;
  }

 private:
  std::vector<Undoable>& List(UndoableKind kind) {
    return kind == UndoableKind::kName ? names_ : addresses_;
  }

  std::vector<Undoable> names_;
  std::vector<Undoable> addresses_;
};

}  // namespace proaktiv::synth
