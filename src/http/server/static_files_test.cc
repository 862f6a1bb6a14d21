#include "http/server/static_files.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

namespace proaktiv::http::server {
namespace {

namespace fs = std::filesystem;

TEST(StaticFilesTest, SafePaths) {
  EXPECT_TRUE(StaticFiles::IsSafePath("/"));
  EXPECT_TRUE(StaticFiles::IsSafePath("/assets/app.js"));
  EXPECT_TRUE(StaticFiles::IsSafePath("/a..b/c.d"));
  EXPECT_FALSE(StaticFiles::IsSafePath(""));
  EXPECT_FALSE(StaticFiles::IsSafePath("assets/app.js"));
  EXPECT_FALSE(StaticFiles::IsSafePath("/.."));
  EXPECT_FALSE(StaticFiles::IsSafePath("/assets/../../etc/passwd"));
  EXPECT_FALSE(StaticFiles::IsSafePath("/./index.html"));
  EXPECT_FALSE(StaticFiles::IsSafePath("/a\\..\\b"));
  EXPECT_FALSE(StaticFiles::IsSafePath(std::string_view("/a\0b", 4)));
}

TEST(StaticFilesTest, ContentTypes) {
  EXPECT_EQ(StaticFiles::ContentType("/index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(StaticFiles::ContentType("/a.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(StaticFiles::ContentType("/a.css"), "text/css; charset=utf-8");
  EXPECT_EQ(StaticFiles::ContentType("/a.svg"), "image/svg+xml");
  EXPECT_EQ(StaticFiles::ContentType("/a.png"), "image/png");
  EXPECT_EQ(StaticFiles::ContentType("/a.json"), "application/json");
  EXPECT_EQ(StaticFiles::ContentType("/a.woff2"), "font/woff2");
  EXPECT_EQ(StaticFiles::ContentType("/favicon.ico"), "image/x-icon");
  EXPECT_EQ(StaticFiles::ContentType("/a.bin"), "application/octet-stream");
}

TEST(StaticFilesTest, FindsExactFilesElseIndex) {
  const fs::path dir =
      fs::temp_directory_path() / ("proaktiv_static_test_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "assets" / "fonts");
  std::ofstream(dir / "index.html") << "index";
  std::ofstream(dir / "assets" / "fonts" / "x.woff2") << "font";
  auto files = StaticFiles::Load(dir.string());
  ASSERT_TRUE(files.has_value()) << files.error().ToString();
  EXPECT_EQ((*files)->size(), 2u);
  const StaticFile* index = (*files)->Find("/");
  ASSERT_NE(index, nullptr);
  EXPECT_EQ(index->content, "index");
  EXPECT_EQ(index->cache_control, "no-cache");
  const StaticFile* font = (*files)->Find("/assets/fonts/x.woff2");
  ASSERT_NE(font, nullptr);
  EXPECT_EQ(font->content, "font");
  EXPECT_EQ(font->content_type, "font/woff2");
  EXPECT_EQ(font->cache_control, "public, max-age=31536000, immutable");
  EXPECT_EQ((*files)->Find("/some/app/route"), index);
  EXPECT_EQ((*files)->Find("/assets/gone.js"), nullptr);
  EXPECT_EQ((*files)->Find("/assets/../index.html"), nullptr);
  fs::remove_all(dir);
  EXPECT_FALSE(StaticFiles::Load(dir.string()).has_value());
}

}  // namespace
}  // namespace proaktiv::http::server
