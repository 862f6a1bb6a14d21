#include "http/server/metrics.h"

#include <gtest/gtest.h>

namespace proaktiv::http::server {
namespace {

Response Ok(const Request&, const RouteContext&) { return Response{}; }

TEST(MetricsTest, SlotsByRouteNameAndSpecialSlots) {
  Router router;
  router.Add(Method::kGet, "/a", Ok, {.name = "getA"});
  router.Add(Method::kHead, "/a", Ok, {.name = "getA"});
  router.Add(Method::kPost, "/b", Ok);
  Metrics metrics(router);
  const auto& routes = router.routes();
  EXPECT_EQ(metrics.RouteSlot(&routes[0]), metrics.RouteSlot(&routes[1]));
  EXPECT_NE(metrics.RouteSlot(&routes[0]), metrics.RouteSlot(&routes[2]));
  EXPECT_EQ(metrics.SlotName(metrics.RouteSlot(&routes[2])), "POST /b");
  EXPECT_EQ(metrics.SlotName(metrics.static_slot()), "static");
  EXPECT_EQ(metrics.SlotName(metrics.not_found_slot()), "not_found");
  EXPECT_EQ(metrics.SlotName(metrics.rejected_slot()), "rejected");

  metrics.RequestStarted();
  metrics.RequestFinished(metrics.RouteSlot(&routes[0]), 200, std::chrono::microseconds(300));
  metrics.RequestStarted();
  metrics.RequestFinished(metrics.RouteSlot(&routes[1]), 404, std::chrono::milliseconds(20));
  metrics.RequestStarted();
  metrics.ConnectionOpened();
  EXPECT_EQ(metrics.Count(metrics.RouteSlot(&routes[0]), 2), 1u);
  EXPECT_EQ(metrics.Count(metrics.RouteSlot(&routes[0]), 4), 1u);

  const std::string text = metrics.Render();
  EXPECT_NE(text.find("proaktiv_http_requests_total{route=\"getA\",status=\"2xx\"} 1\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("proaktiv_http_requests_total{route=\"getA\",status=\"4xx\"} 1\n"),
            std::string::npos);
  EXPECT_NE(text.find("proaktiv_http_request_duration_seconds_bucket{le=\"0.00025\"} 0\n"),
            std::string::npos);
  EXPECT_NE(text.find("proaktiv_http_request_duration_seconds_bucket{le=\"0.0005\"} 1\n"),
            std::string::npos);
  EXPECT_NE(text.find("proaktiv_http_request_duration_seconds_bucket{le=\"0.025\"} 2\n"),
            std::string::npos);
  EXPECT_NE(text.find("proaktiv_http_request_duration_seconds_bucket{le=\"+Inf\"} 2\n"),
            std::string::npos);
  EXPECT_NE(text.find("proaktiv_http_request_duration_seconds_count 2\n"), std::string::npos);
  EXPECT_NE(text.find("proaktiv_http_requests_in_flight 1\n"), std::string::npos);
  EXPECT_NE(text.find("proaktiv_http_connections_open 1\n"), std::string::npos);
  EXPECT_NE(text.find("# TYPE proaktiv_http_uptime_seconds gauge\n"), std::string::npos);
}

}  // namespace
}  // namespace proaktiv::http::server
