#pragma once

// The intake API (docs/openapi.yaml, /api/v1/intake/*), for systems that deliver the
// population register's feed (staff keys with scope "intake"):
//
//   POST /api/v1/intake/feed         a page of feed entries as JSON lines
//                                    (application/x-ndjson; see registry/feed_entry.h)
//   POST /api/v1/intake/cloudevents  CloudEvents 1.0 whose data is one feed entry, structured or
//                                    batch (http/api/cloud_events.h)
//
// Entries are applied exactly once (a page may be sent again: applied entries are skipped),
// then the engine runs through today (the ApiContext clock) so that offers follow. The answer:
//   200 {"applied": N, "already_applied": N, "unknown_types": N, "last_sequence": N,
//        "offers_made": N}   (cloudevents adds "events": N, the events received)
//   422 "invalid-entry": the first bad entry stopped intake; the detail names its line (feed)
//        or its event (position and id) and its sequence number; the entries before it are
//        applied (and the engine has run for them), nothing of it; the counts ride along as
//        extension members, with "line" and "sequence".
//   422 "invalid-event" / "invalid-body": the CloudEvents envelope is wrong; nothing applied.
//
// `context` must outlive `router`. Handlers are thread-safe (see feed_intake.h, engine_run.h).

#include "http/api/api_context.h"
#include "http/router.h"

namespace proaktiv::http::api {

void RegisterIntakeRoutes(Router& router, const ApiContext& context);

}  // namespace proaktiv::http::api
