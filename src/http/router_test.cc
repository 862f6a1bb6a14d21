#include "http/router.h"

#include <gtest/gtest.h>

namespace proaktiv::http {
namespace {

Handler Named(std::string name) {
  return [name](const Request&, const RouteContext&) {
    Response r;
    r.body = name;
    return r;
  };
}

std::string Call(const Router::Match& match) {
  Principal anonymous;
  RouteContext context{anonymous, match.params};
  return match.route->handler(Request{}, context).body;
}

TEST(RouterTest, LiteralBeatsParameterWhateverTheOrder) {
  Router router;
  router.Add(Method::kGet, "/api/v1/me/offers/{id}", Named("show"));
  router.Add(Method::kGet, "/api/v1/me/offers/summary", Named("summary"));
  router.Add(Method::kGet, "/api/v1/me/offers", Named("list"));
  auto m = router.Find(Method::kGet, "/api/v1/me/offers/summary");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(Call(m), "summary");
  m = router.Find(Method::kGet, "/api/v1/me/offers/12");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(Call(m), "show");
  ASSERT_EQ(m.params.size(), 1u);
  EXPECT_EQ(m.params[0].first, "id");
  EXPECT_EQ(m.params[0].second, "12");
  EXPECT_EQ(Call(router.Find(Method::kGet, "/api/v1/me/offers")), "list");
}

TEST(RouterTest, ParametersMatchOneNonEmptySegment) {
  Router router;
  router.Add(Method::kGet, "/a/{x}/b/{y}", Named("ab"));
  auto m = router.Find(Method::kGet, "/a/1/b/2");
  ASSERT_NE(m.route, nullptr);
  Principal p;
  RouteContext context{p, m.params};
  EXPECT_EQ(context.Param("x"), "1");
  EXPECT_EQ(context.Param("y"), "2");
  EXPECT_EQ(context.Param("z"), "");
  EXPECT_EQ(router.Find(Method::kGet, "/a/1/b").route, nullptr);
  EXPECT_EQ(router.Find(Method::kGet, "/a/1/b/2/c").route, nullptr);
  EXPECT_EQ(router.Find(Method::kGet, "/a//b/2").route, nullptr);
  EXPECT_EQ(router.Find(Method::kGet, "/").route, nullptr);
  // A trailing slash and doubled slashes do not make new segments.
  EXPECT_NE(router.Find(Method::kGet, "/a/1/b/2/").route, nullptr);
}

TEST(RouterTest, MethodNotAllowedListsTheOtherMethods) {
  Router router;
  router.Add(Method::kGet, "/things/{id}", Named("get"));
  router.Add(Method::kDelete, "/things/{id}", Named("delete"));
  router.Add(Method::kPut, "/things/{id}", Named("put"));
  router.Add(Method::kPost, "/things", Named("post"));
  auto m = router.Find(Method::kPost, "/things/1");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_EQ(m.allowed,
            (std::vector<Method>{Method::kGet, Method::kDelete, Method::kPut, Method::kHead}));
  m = router.Find(Method::kGet, "/things");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_EQ(m.allowed, std::vector<Method>{Method::kPost});
  m = router.Find(Method::kGet, "/nothing");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_TRUE(m.allowed.empty());
  // A match leaves `allowed` empty.
  EXPECT_TRUE(router.Find(Method::kDelete, "/things/1").allowed.empty());
}

TEST(RouterTest, HeadMatchesGet) {
  Router router;
  router.Add(Method::kGet, "/health", Named("health"));
  auto m = router.Find(Method::kHead, "/health");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(Call(m), "health");
  EXPECT_EQ(router.Find(Method::kPost, "/health").allowed,
            (std::vector<Method>{Method::kGet, Method::kHead}));
}

TEST(RouterTest, FirstAddedOfEqualRoutesWins) {
  Router router;
  router.Add(Method::kGet, "/x/{a}", Named("first"));
  router.Add(Method::kGet, "/x/{b}", Named("second"));
  EXPECT_EQ(Call(router.Find(Method::kGet, "/x/1")), "first");
}

}  // namespace
}  // namespace proaktiv::http
