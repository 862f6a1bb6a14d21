#include "http/message.h"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include "http/principal.h"

namespace proaktiv::http {
namespace {

Request WithQuery(std::string query) {
  Request r;
  r.query = std::move(query);
  return r;
}

TEST(RequestTest, QueryParamsArePercentDecoded) {
  const Request r = WithQuery("lang=nn&month=2024-03&q=a+b%2Bc&empty=&flag&enc%20key=%C3%A6");
  EXPECT_EQ(r.QueryParam("lang"), "nn");
  EXPECT_EQ(r.QueryParam("month"), "2024-03");
  EXPECT_EQ(r.QueryParam("q"), "a b+c");
  EXPECT_EQ(r.QueryParam("empty"), "");
  EXPECT_EQ(r.QueryParam("flag"), "");
  EXPECT_EQ(r.QueryParam("enc key"), "\xC3\xA6");
  EXPECT_EQ(r.QueryParam("missing"), std::nullopt);
  EXPECT_EQ(r.QueryParam("lan"), std::nullopt);
}

TEST(RequestTest, QueryParamFirstWinsAndMalformedEscapesStay) {
  const Request r = WithQuery("a=1&a=2&b=%zz&c=%4&d=%41");
  EXPECT_EQ(r.QueryParam("a"), "1");
  EXPECT_EQ(r.QueryParam("b"), "%zz");
  EXPECT_EQ(r.QueryParam("c"), "%4");
  EXPECT_EQ(r.QueryParam("d"), "A");
  EXPECT_EQ(WithQuery("").QueryParam("a"), std::nullopt);
  EXPECT_EQ(WithQuery("&&a=x&").QueryParam("a"), "x");
}

TEST(RequestTest, HeadersAndCookies) {
  Request r;
  r.headers = {{"content-type", "application/json"},
               {"cookie", "theme=dark; proaktiv_session=abc123 ;  quoted=\"v w\""},
               {"cookie", "second=2"}};
  EXPECT_EQ(r.Header("content-type"), "application/json");
  EXPECT_EQ(r.Header("accept"), "");
  EXPECT_EQ(r.Cookie("proaktiv_session"), "abc123");
  EXPECT_EQ(r.Cookie("theme"), "dark");
  EXPECT_EQ(r.Cookie("quoted"), "v w");
  EXPECT_EQ(r.Cookie("second"), "2");
  EXPECT_EQ(r.Cookie("proaktiv"), std::nullopt);
  EXPECT_EQ(r.Cookie("missing"), std::nullopt);
}

TEST(ResponseTest, ProblemHasTheRfc9457Shape) {
  const Response r = Response::Problem(404, "not-found", "No offer 12.");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.content_type, "application/problem+json");
  const auto doc = boost::json::parse(r.body).as_object();
  EXPECT_EQ(doc.at("type"), "about:blank");
  EXPECT_EQ(doc.at("title"), "Not Found");
  EXPECT_EQ(doc.at("status"), 404);
  EXPECT_EQ(doc.at("detail"), "No offer 12.");
  EXPECT_EQ(doc.at("code"), "not-found");
  EXPECT_EQ(doc.size(), 5u);
  EXPECT_EQ(boost::json::parse(Response::Problem(413, "too-large", "x").body).at("title"),
            "Content Too Large");
}

TEST(ResponseTest, JsonAndRedirect) {
  const Response json = Response::Json(201, boost::json::object{{"id", 7}});
  EXPECT_EQ(json.status, 201);
  EXPECT_EQ(json.content_type, "application/json");
  EXPECT_EQ(json.body, R"({"id":7})");
  const Response redirect = Response::Redirect("/offers");
  EXPECT_EQ(redirect.status, 302);
  ASSERT_EQ(redirect.headers.size(), 1u);
  EXPECT_EQ(redirect.headers[0].first, "Location");
  EXPECT_EQ(redirect.headers[0].second, "/offers");
  EXPECT_EQ(Response::Redirect("/x", 303).status, 303);
}

TEST(MethodTest, Names) {
  EXPECT_EQ(MethodName(Method::kGet), "GET");
  EXPECT_EQ(MethodName(Method::kDelete), "DELETE");
  EXPECT_EQ(MethodName(Method::kPatch), "PATCH");
}

TEST(PrincipalTest, ScopesAndAdministration) {
  Principal staff;
  staff.kind = Principal::Kind::kStaff;
  staff.scopes = {"admin:0301", "intake"};
  EXPECT_TRUE(staff.HasScope("intake"));
  EXPECT_FALSE(staff.HasScope("metrics"));
  EXPECT_TRUE(staff.MayAdminister("0301"));
  EXPECT_FALSE(staff.MayAdminister("4601"));
  EXPECT_FALSE(staff.MayAdminister("030"));
  staff.scopes = {"admin:*"};
  EXPECT_TRUE(staff.MayAdminister("4601"));
  Principal citizen;
  citizen.kind = Principal::Kind::kCitizen;
  citizen.scopes = {"admin:*"};
  EXPECT_FALSE(citizen.MayAdminister("0301"));
}

}  // namespace
}  // namespace proaktiv::http
