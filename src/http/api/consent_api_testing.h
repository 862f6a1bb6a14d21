#pragma once

// A fixture for the consent and data API tests (tests only): consent::testing::ConsentFixture
// (a SQLite file with Kari, her son Ola and Siv; banks A and B registered; a fake clock) plus a
// Router with the citizen consent, consumer and data routes, and helpers that go through
// /oauth/token as a real consumer would — through Router::Find and the handler, without
// sockets.

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include "consent/client_assertion.h"
#include "consent/consent_testing.h"
#include "engine/service_bundle.h"
#include "http/api/api_context.h"
#include "http/api/consent_api.h"
#include "http/router.h"

namespace proaktiv::http::api::testing {

using consent::testing::kBankA;
using consent::testing::kBankB;

class ConsentApiTest : public consent::testing::ConsentFixture {
 protected:
  void SetUp() override {
    ConsentFixture::SetUp();
    api_ = std::make_unique<ApiContext>(
        db_path_, catalog_,
        std::make_shared<const engine::ServiceLibrary>(engine::ServiceLibrary::Of({})), clock_);
    context_ = std::make_unique<ConsentApiContext>(ConsentApiContext{
        *api_, tokens_,
        [this](store::RegistryStore&) -> Result<audit::AccessRecorder*> { return &recorder_; },
        clock_, "Bergen kommune"});
    RegisterCitizenConsentRoutes(router_, *context_);
    RegisterConsumerRoutes(router_, *context_);
    RegisterDataApiRoutes(router_, *context_);
  }

  static Principal Citizen(const std::string& pid) {
    Principal p;
    p.kind = Principal::Kind::kCitizen;
    p.pid = pid;
    p.subject = "sub-" + pid.substr(0, 6);
    return p;
  }

  using Headers = std::vector<std::pair<std::string, std::string>>;
  Response Call(Method method, const std::string& target, const Principal& principal,
                std::string body = "", Headers headers = {}) {
    Request request;
    request.method = method;
    const size_t q = target.find('?');
    request.path = target.substr(0, q);
    if (q != std::string::npos) request.query = target.substr(q + 1);
    request.body = std::move(body);
    request.headers = std::move(headers);
    Router::Match match = router_.Find(method, request.path);
    if (match.route == nullptr) {
      ADD_FAILURE() << "no route for " << target;
      return Response::Problem(404, "no-route", target);
    }
    RouteContext route{principal, match.params};
    return match.route->handler(request, route);
  }
  Response AsCitizen(Method method, const std::string& target, const std::string& pid) {
    return Call(method, target, Citizen(pid));
  }
  Response AsConsumer(Method method, const std::string& target, const std::string& token,
                      std::string body = "", Headers extra = {}) {
    extra.emplace_back("authorization", "Bearer " + token);
    return Call(method, target, Principal{}, std::move(body), std::move(extra));
  }

  static std::string FormEncode(std::string_view s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
      if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
        out.push_back(static_cast<char>(c));
      } else {
        out += {'%', hex[c >> 4], hex[c & 15]};
      }
    }
    return out;
  }
  // POST /oauth/token as `client`, its assertion signed by `key`; `grant` is "scope=…" or
  // "authorization_details=…" (already encoded).
  Response TokenCall(const consent::KeyPair& key, const char* client, const std::string& grant) {
    const std::string body =
        "grant_type=client_credentials&client_assertion_type=" +
        FormEncode(consent::kJwtBearerAssertionType) + "&client_assertion=" +
        consent::MakeClientAssertion(key, client, issuer_.token_endpoint(), NowS()) + "&" + grant;
    return Call(Method::kPost, "/oauth/token", Principal{}, body,
                {{"content-type", "application/x-www-form-urlencoded"}});
  }
  std::string ScopeToken(const consent::KeyPair& key, const char* client) {
    Response r = TokenCall(key, client, "scope=consent-requests");
    EXPECT_EQ(r.status, 200) << r.body;
    return std::string(Json(r).at("access_token").as_string());
  }
  std::string DataToken(const consent::KeyPair& key, const char* client, const std::string& id) {
    Response r =
        TokenCall(key, client,
                  "authorization_details=" +
                      FormEncode(R"([{"type":"proaktiv_consent","consent_id":")" + id + R"("}])"));
    EXPECT_EQ(r.status, 200) << r.body;
    return r.status == 200 ? std::string(Json(r).at("access_token").as_string()) : "";
  }
  Response FetchData(const std::string& token, const std::string& person,
                     const std::string& query = "") {
    return AsConsumer(Method::kGet, "/api/v1/data" + query, token, "", {{"person-id", person}});
  }

  static boost::json::value Json(const Response& r) {
    boost::system::error_code ec;
    boost::json::value v = boost::json::parse(r.body, ec);
    EXPECT_FALSE(ec) << r.body;
    return v;
  }
  static std::string Code(const Response& r) {
    boost::json::value v = Json(r);
    return v.is_object() && v.as_object().contains("code") ? std::string(v.at("code").as_string())
                                                           : "";
  }

  std::unique_ptr<ApiContext> api_;
  std::unique_ptr<ConsentApiContext> context_;
  Router router_;
};

}  // namespace proaktiv::http::api::testing
