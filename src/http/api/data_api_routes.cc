// The data API (consent_api.h, consent/data_access.h): GET /api/v1/data?items=a,b with a
// consumer's access token and the person in the Person-Id header.

#include <boost/json.hpp>

#include "consent/data_access.h"
#include "http/api/consent_api.h"
#include "http/api/consumer_auth.h"

namespace proaktiv::http::api {
namespace {

std::vector<std::string> SplitItems(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    const size_t comma = text.find(',');
    std::string_view item = text.substr(0, comma);
    if (!item.empty()) out.emplace_back(item);
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
  }
  return out;
}

ApiResult<Response> FetchData(const ConsentApiContext& context, const Request& request) {
  PROAKTIV_API_ASSIGN_OR_RETURN(consent::AccessClaims token, ConsumerToken(request, context));
  const std::string_view person = request.Header("person-id");
  if (person.empty()) {
    return Fail(400, "missing-person",
                "Name the person whose data you fetch in the Person-Id header.");
  }
  std::vector<std::string> items = SplitItems(request.QueryParam("items").value_or(""));
  PROAKTIV_API_ASSIGN_OR_RETURN(store::RegistryStore * store, context.api.Store());
  PROAKTIV_API_ASSIGN_OR_RETURN(audit::AccessRecorder * recorder, context.recorder(*store));
  consent::DataAccess access(*store, context.clock, *recorder);
  PROAKTIV_API_ASSIGN_OR_RETURN(consent::FetchOutcome outcome,
                                access.Fetch(token, person, std::move(items)));
  if (!outcome) {
    const consent::Refused& refused = outcome.error();
    return Fail(refused.reason == consent::Refusal::kInvalidToken ? 401 : 403,
                std::string(consent::Code(refused.reason)), refused.detail);
  }
  return Response::Json(200, outcome->data);
}

}  // namespace

void RegisterDataApiRoutes(Router& router, const ConsentApiContext& context) {
  router.Add(
      Method::kGet, "/api/v1/data",
      [&context](const Request& request, const RouteContext&) -> Response {
        ApiResult<Response> out = FetchData(context, request);
        if (!out) return ConsumerProblem(out.error());
        out->headers.emplace_back("Cache-Control", "no-store");
        return std::move(*out);
      },
      {.access = Access::kPublic, .scope = "", .blocking = true, .name = "fetchConsentedData"});
}

}  // namespace proaktiv::http::api
