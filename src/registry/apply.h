#pragma once

// Applies one feed entry to the person it is about. Pure: no storage, no clock.

#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "registry/feed_entry.h"
#include "registry/person.h"

namespace proaktiv::registry {

struct ApplyOutcome {
  Person person;                              // the person after the entry
  bool created = false;                       // the person was not known before
  bool known_event_type = true;               // false: kept and reported, not dropped
  std::vector<std::string> unknown_entities;  // changes to entities the registry does not model
  int corrections = 0;         // korrigere changes: decisions that read them must be re-made
  int annulments = 0;          // annullere changes: likewise
  std::string kommune_before;  // residence before and after (a move in or out)
  std::string kommune_after;
};

// `before` is the stored person (nullopt when unknown). An entry about an unknown person must
// carry a persondokument. On error nothing is changed and the error says why.
Result<ApplyOutcome> ApplyFeedEntry(const std::optional<Person>& before, const FeedEntry& entry);
// The same with `before` by pointer (nullptr when unknown), for callers that hold the person.
Result<ApplyOutcome> ApplyFeedEntry(const Person* before, const FeedEntry& entry);

}  // namespace proaktiv::registry
