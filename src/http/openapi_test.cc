// docs/openapi.yaml must describe exactly the routes `proaktiv serve` registers: every
// (method, path) of the document has a route and every route is in the document, under the
// route's name as operationId.

#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "catalog/catalog.h"
#include "common/clock.h"
#include "consent/access_token.h"
#include "engine/service_bundle.h"
#include "http/api/admin_routes.h"
#include "http/api/api_context.h"
#include "http/api/citizen_routes.h"
#include "http/api/consent_api.h"
#include "http/api/delivery_receipt_routes.h"
#include "http/api/intake_routes.h"
#include "http/api/transparency_routes.h"
#include "http/auth/auth_routes.h"
#include "http/auth/auth_service.h"
#include "http/router.h"
#include "http/server/ops_routes.h"

namespace proaktiv::http {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

TEST(OpenApi, DocumentMatchesTheRoutesServeRegisters) {
  const std::string source = PROAKTIV_SOURCE_DIR;
  auto catalog = catalog::Catalog::LoadFile(source + "/catalog/catalog.yaml");
  ASSERT_TRUE(catalog) << catalog.error().ToString();
  auto shared_catalog = std::make_shared<const catalog::Catalog>(std::move(*catalog));
  auto library = engine::LoadLibrary(source + "/services", *shared_catalog);
  ASSERT_TRUE(library) << library.error().ToString();
  SystemClock clock;
  api::ApiContext context(
      (std::filesystem::temp_directory_path() / "proaktiv-openapi-test.db").string(),
      shared_catalog, std::make_shared<const engine::ServiceLibrary>(std::move(*library)), clock);
  auto auth = auth::AuthService::Create(auth::AuthConfig{}, clock);
  ASSERT_TRUE(auth) << auth.error().ToString();

  Router router;
  server::RegisterOpsRoutes(router, server::OpsContext{});
  auth::RegisterAuthRoutes(router, **auth);
  api::RegisterCitizenRoutes(router, context);
  api::RegisterIntakeRoutes(router, context);
  api::RegisterAdminRoutes(router, context);
  api::RegisterTransparencyRoutes(router, context, api::TransparencyOptions{});
  consent::Issuer issuer("http://127.0.0.1:8080");
  consent::TokenIssuer tokens(consent::KeyPair::Generate(), issuer);
  api::ConsentApiContext consent_context{
      context, tokens,
      [](store::RegistryStore&) { return Result<audit::AccessRecorder*>(nullptr); }, clock};
  api::RegisterCitizenConsentRoutes(router, consent_context);
  api::RegisterConsumerRoutes(router, consent_context);
  api::RegisterDataApiRoutes(router, consent_context);
  api::DeliveryReceiptContext receipts;
  api::RegisterDeliveryReceiptRoutes(router, receipts);

  std::map<std::string, std::string> routes;  // "get /path" → name
  for (const Route& route : router.routes()) {
    routes[Lower(MethodName(route.method)) + " " + route.pattern] = route.options.name;
  }
  std::map<std::string, std::string> documented;
  const YAML::Node doc = YAML::LoadFile(source + "/docs/openapi.yaml");
  ASSERT_EQ(doc["openapi"].as<std::string>(), "3.1.0");
  for (const auto& path : doc["paths"]) {
    for (const auto& operation : path.second) {
      const std::string method = operation.first.as<std::string>();
      if (method == "parameters" || method == "summary" || method == "description") continue;
      documented[method + " " + path.first.as<std::string>()] =
          operation.second["operationId"].as<std::string>("");
    }
  }
  for (const auto& [key, name] : routes) {
    auto it = documented.find(key);
    EXPECT_NE(it, documented.end()) << key << " is served but not in docs/openapi.yaml";
    if (it != documented.end()) {
      EXPECT_EQ(it->second, name) << key << ": operationId and route name differ";
    }
  }
  for (const auto& [key, name] : documented) {
    EXPECT_TRUE(routes.contains(key)) << key << " (" << name << ") is documented but not served";
  }
}

}  // namespace
}  // namespace proaktiv::http
