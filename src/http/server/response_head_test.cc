#include "http/server/response_head.h"

#include <gtest/gtest.h>

namespace proaktiv::http::server {
namespace {

TEST(SplitTargetTest, DecodesPathKeepsQueryRaw) {
  std::string path, query;
  ASSERT_TRUE(SplitTarget("/a%20b/c?x=%41&y=1", path, query));
  EXPECT_EQ(path, "/a b/c");
  EXPECT_EQ(query, "x=%41&y=1");
  ASSERT_TRUE(SplitTarget("/plain", path, query));
  EXPECT_EQ(path, "/plain");
  EXPECT_EQ(query, "");
  ASSERT_TRUE(SplitTarget("/p?q#frag", path, query));
  EXPECT_EQ(query, "q");
  EXPECT_FALSE(SplitTarget("http://example.org/", path, query));
  EXPECT_FALSE(SplitTarget("*", path, query));
  EXPECT_FALSE(SplitTarget("/bad%2", path, query));
  EXPECT_FALSE(SplitTarget("/bad%zz", path, query));
  EXPECT_FALSE(SplitTarget("/nul%00", path, query));
}

TEST(SerializeHeadTest, WritesStatusHeadersAndSecurityHeaders) {
  Response r;
  r.status = 201;
  r.body = "\"x\"";
  r.headers.emplace_back("Location", "/a\r\nInjected: 1");
  std::string out;
  SerializeHead(r, r.content_type, 3,
                HeadOptions{.keep_alive = false, .default_cache_control = "no-store"}, out);
  EXPECT_TRUE(out.starts_with("HTTP/1.1 201 Created\r\nDate: ")) << out;
  EXPECT_NE(out.find("\r\nContent-Type: application/json\r\n"), std::string::npos);
  EXPECT_NE(out.find("\r\nContent-Length: 3\r\n"), std::string::npos);
  EXPECT_NE(out.find("\r\nX-Content-Type-Options: nosniff\r\n"), std::string::npos);
  EXPECT_NE(out.find("\r\nReferrer-Policy: same-origin\r\n"), std::string::npos);
  EXPECT_NE(out.find("\r\nContent-Security-Policy: default-src 'none'; frame-ancestors 'none'\r\n"),
            std::string::npos);
  EXPECT_NE(out.find("\r\nCache-Control: no-store\r\n"), std::string::npos);
  EXPECT_NE(out.find("\r\nLocation: /a  Injected: 1\r\n"), std::string::npos);
  EXPECT_NE(out.find("\r\nConnection: close\r\n"), std::string::npos);
  EXPECT_TRUE(out.ends_with("\r\n\r\n"));
}

TEST(SerializeHeadTest, OwnCacheControlAndNoBodyStatuses) {
  Response r;
  r.status = 204;
  r.headers.emplace_back("Cache-Control", "max-age=5");
  r.headers.emplace_back("Content-Length", "99");
  std::string out;
  SerializeHead(r, r.content_type, 0,
                HeadOptions{.keep_alive = true, .default_cache_control = "no-store"}, out);
  EXPECT_TRUE(out.starts_with("HTTP/1.1 204 No Content\r\n"));
  EXPECT_EQ(out.find("\r\nContent-Length"), std::string::npos);
  EXPECT_EQ(out.find("\r\nContent-Type"), std::string::npos);
  EXPECT_EQ(out.find("no-store"), std::string::npos);
  EXPECT_NE(out.find("Cache-Control: max-age=5"), std::string::npos);
  EXPECT_EQ(out.find("Connection"), std::string::npos);
  Response html;
  html.content_type = "text/html; charset=utf-8";
  SerializeHead(html, html.content_type, 0, HeadOptions{}, out);
  EXPECT_NE(out.find("Content-Security-Policy: default-src 'self'; frame-ancestors 'none'"),
            std::string::npos);
  EXPECT_NE(out.find("Content-Length: 0"), std::string::npos);
  SerializeHead(html, "text/css", 0, HeadOptions{.keep_alive = true, .announce_keep_alive = true},
                out);
  EXPECT_NE(out.find("\r\nContent-Type: text/css\r\n"), std::string::npos);
  EXPECT_NE(out.find("\r\nConnection: keep-alive\r\n"), std::string::npos);
}

}  // namespace
}  // namespace proaktiv::http::server
