#include "http/api/intake_routes.h"

#include <fmt/format.h>

#include "common/logging.h"
#include "http/api/api_error.h"
#include "http/api/cloud_events.h"
#include "http/api/feed_intake.h"

namespace proaktiv::http::api {
namespace {

Response PostFeedPage(const ApiContext& context, const Request& request) {
  auto store = context.Store();
  if (!store) return ToResponse(FromError(store.error()));
  ApiResult<FeedIntakeResult> result =
      IngestLines(**store, context.library(), request.body, context.clock().TodayInNorway());
  if (!result) return ToResponse(result.error());
  if (result->bad) {
    const BadEntry& bad = *result->bad;
    const std::string where = bad.sequence
                                  ? fmt::format("line {} (sequence {})", bad.line, *bad.sequence)
                                  : fmt::format("line {}", bad.line);
    return BadEntryProblem(*result, where);
  }
  return Response::Json(200, IntakeCounts(*result));
}

Response PostCloudEvents(const ApiContext& context, const Request& request) {
  ApiResult<std::vector<CloudEvent>> events =
      ParseCloudEvents(request.body, request.Header("content-type"));
  if (!events) return ToResponse(events.error());
  std::string lines;
  size_t size = 0;
  for (const CloudEvent& e : *events) size += e.line.size() + 1;
  lines.reserve(size);
  for (const CloudEvent& e : *events) {
    lines += e.line;
    lines += '\n';
  }
  auto store = context.Store();
  if (!store) return ToResponse(FromError(store.error()));
  ApiResult<FeedIntakeResult> result =
      IngestLines(**store, context.library(), lines, context.clock().TodayInNorway());
  if (!result) return ToResponse(result.error());
  if (result->bad) {
    const BadEntry& bad = *result->bad;
    // One event per line: the line is the event's position.
    const size_t index = static_cast<size_t>(bad.line) - 1;
    std::string where = fmt::format(
        "event {} (id '{}'", bad.line,
        index < events->size() ? RedactIdentityNumbers((*events)[index].id.substr(0, 64)) : "");
    if (bad.sequence) where += fmt::format(", sequence {}", *bad.sequence);
    where += ")";
    return BadEntryProblem(*result, where);
  }
  boost::json::object counts = IntakeCounts(*result);
  counts["events"] = static_cast<int64_t>(events->size());
  return Response::Json(200, counts);
}

}  // namespace

void RegisterIntakeRoutes(Router& router, const ApiContext& context) {
  auto options = [](const char* name) {
    return RouteOptions{
        .access = Access::kStaff, .scope = "intake", .blocking = true, .name = name};
  };
  router.Add(
      Method::kPost, "/api/v1/intake/feed",
      [&context](const Request& request, const RouteContext&) {
        return PostFeedPage(context, request);
      },
      options("postFeedPage"));
  router.Add(
      Method::kPost, "/api/v1/intake/cloudevents",
      [&context](const Request& request, const RouteContext&) {
        return PostCloudEvents(context, request);
      },
      options("postCloudEvents"));
}

}  // namespace proaktiv::http::api
