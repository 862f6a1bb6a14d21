#pragma once

// Operations routes:
//   GET /health  (public, operationId "health"): 200 {"status":"ok","database":"ok"}, or 503
//                {"status":"unavailable","database":"unavailable"} when the database check
//                fails (on the blocking pool when there is a check: it may touch the
//                database).
//   GET /metrics (operationId "metrics"): the Prometheus text. Allowed for staff with the
//                "metrics" scope, and for any request from a loopback address (127.0.0.0/8,
//                ::1) that carries no X-Forwarded-For or Forwarded header — so a scraper on the
//                same host needs no key, while requests relayed by a local reverse proxy are
//                treated as remote. Otherwise 401 (anonymous) or 403 (other principals).
//
// Thread-safety: the functions in OpsContext are called from server threads at once.

#include <functional>
#include <string>
#include <string_view>

#include "http/router.h"

namespace proaktiv::http::server {

struct OpsContext {
  // True when the database answers (e.g. "SELECT 1" on the calling thread's connection).
  // Empty: the health check reports "ok" without a database check.
  std::function<bool()> database_check;
  // The metrics text, usually [&server] { return server.metrics().Render(); }. Empty: /metrics
  // answers 404.
  std::function<std::string()> metrics_text;
};

void RegisterOpsRoutes(Router& router, const OpsContext& context);

// Whether `address` (as in Request::remote_address) is a loopback address.
bool IsLoopback(std::string_view address);

}  // namespace proaktiv::http::server
