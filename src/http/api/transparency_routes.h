#pragma once

// The transparency log over HTTP (docs/openapi.yaml; hashing and formats in audit/):
//   GET /api/v1/me/access-log?before=SEQ&limit=N   the logged-in citizen's own entries (reads of
//       their data not yet erased), newest first, paged by seq;
//   GET /api/v1/me/access-log/{seq}/proof          one of those entries with its salt,
//       commitment, an inclusion proof against the latest signed checkpoint and that
//       checkpoint; another citizen's seq, an erased one or an unknown one is 404 "not-found";
//   GET /api/v1/transparency/checkpoint            public: the latest signed checkpoint and the
//       log's Ed25519 public key;
//   GET /api/v1/transparency/consistency?from=N&to=M   public: a consistency proof between two
//       tree sizes.
// When a citizen's entry is newer than the latest checkpoint, the proof route first signs a new
// checkpoint with `key` (409 "not-yet-checkpointed" when the server has no key).
//
// Every route runs on the blocking pool. `context` must outlive `router`; handlers are
// thread-safe (each uses its thread's store; the key is immutable).

#include <memory>
#include <string>

#include "audit/signing_key.h"
#include "http/api/api_context.h"
#include "http/router.h"

namespace proaktiv::http::api {

struct TransparencyOptions {
  std::shared_ptr<const audit::SigningKey> key;  // may be null: no checkpoints are signed here
  std::string origin;                            // the log's name in checkpoints
};

void RegisterTransparencyRoutes(Router& router, const ApiContext& context,
                                TransparencyOptions options);

}  // namespace proaktiv::http::api
