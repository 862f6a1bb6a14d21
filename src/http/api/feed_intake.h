#pragma once

// Applying register feed entries received over HTTP: JSON lines through the existing consumer
// (intake/feed_consumer.h: exactly once, batched transactions, the first bad entry stops it with
// everything before it committed and nothing of it applied), then the engine through today
// (engine_run.h) so that offers follow.
//
// The text is read in place (no copy of the body, one reused buffer per line). Intake is
// serialised in the process: the consumer reads its feed pointer before its first transaction,
// so two pages applied at once would both start from the same pointer.
//
// Thread-safe (a process-wide mutex); `store` is the calling thread's.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <boost/json.hpp>

#include "common/civil_date.h"
#include "engine/service_bundle.h"
#include "http/api/api_error.h"
#include "intake/feed_consumer.h"
#include "store/store.h"

namespace proaktiv::http::api {

// Where intake stopped.
struct BadEntry {
  int64_t line = 0;                 // 1-based line of the text (blank lines counted)
  std::optional<int64_t> sequence;  // the entry's sekvensnummer, when it could be read
  std::string message;              // what was wrong, without the "entry N: " prefix
};

struct FeedIntakeResult {
  intake::IntakeReport report;
  int64_t offers_made = 0;
  std::optional<BadEntry> bad;
};

// Applies the JSON lines of `text`, then runs the engine through `today`. Storage and engine
// failures are 503/500 problems (entries committed before a failure stay committed).
ApiResult<FeedIntakeResult> IngestLines(store::RegistryStore& store,
                                        const engine::ServiceLibrary& library,
                                        std::string_view text, CivilDate today);

// The counts of docs/openapi.yaml's postFeedPage answer:
// {"applied", "already_applied", "unknown_types", "last_sequence", "offers_made"}.
boost::json::object IntakeCounts(const FeedIntakeResult& result);

// A 422 problem "invalid-entry" whose detail starts with `where` ("line 4 (sequence 1004)")
// and says what was kept, with the counts and "line"/"sequence" as extension members.
Response BadEntryProblem(const FeedIntakeResult& result, const std::string& where);

}  // namespace proaktiv::http::api
