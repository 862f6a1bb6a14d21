#include "registry/apply.h"

#include <fmt/format.h>

#include "common/logging.h"
#include "common/national_id.h"
#include "registry/event_type.h"

namespace proaktiv::registry {

Result<ApplyOutcome> ApplyFeedEntry(const std::optional<Person>& before, const FeedEntry& entry) {
  return ApplyFeedEntry(before ? &*before : nullptr, entry);
}

namespace {

Result<ApplyOutcome> Apply(const Person* before, const FeedEntry& entry) {
  ApplyOutcome out;
  out.known_event_type = FindEventType(entry.event_type) != nullptr;
  if (entry.person_document) {
    auto doc = PersonFromJson(*entry.person_document);
    if (!doc) return tl::unexpected(doc.error().WithContext("persondokument"));
    out.person = std::move(*doc);
  } else if (before) {
    out.person = *before;
  } else {
    return NotFound(
        fmt::format("no person {} in the registry, and the entry carries no persondokument",
                    MaskIdentity(entry.person_id)));
  }
  out.created = before == nullptr;
  out.kommune_before = before ? before->kommunenummer() : std::string();

  for (const EntityChange& change : entry.changes) {
    if (!IsKnownEntity(change.entity)) {
      out.unknown_entities.push_back(change.entity);
      continue;
    }
    PROAKTIV_RETURN_IF_ERROR(ApplyEntityChange(out.person, change, entry.sequence));
    out.corrections += change.change == Change::kCorrect;
    out.annulments += change.change == Change::kAnnul;
  }
  if (out.person.id().empty()) {
    return InvalidArgument("the entry leaves the person without an identity number in use");
  }
  out.kommune_after = out.person.kommunenummer();
  return out;
}

}  // namespace

Result<ApplyOutcome> ApplyFeedEntry(const Person* before, const FeedEntry& entry) {
  // Errors quote parts of the entry (fact ids, entity fields); none may repeat an identity
  // number, whatever field it stood in.
  auto outcome = Apply(before, entry);
  if (!outcome) outcome.error().message = RedactIdentityNumbers(outcome.error().message);
  return outcome;
}

}  // namespace proaktiv::registry
