#include "http/auth/base64url.h"

#include <gtest/gtest.h>

namespace proaktiv::http::auth {
namespace {

TEST(Base64UrlTest, EncodesRfc4648Vectors) {
  EXPECT_EQ(Base64UrlEncode(""), "");
  EXPECT_EQ(Base64UrlEncode("f"), "Zg");
  EXPECT_EQ(Base64UrlEncode("fo"), "Zm8");
  EXPECT_EQ(Base64UrlEncode("foo"), "Zm9v");
  EXPECT_EQ(Base64UrlEncode("foob"), "Zm9vYg");
  EXPECT_EQ(Base64UrlEncode("fooba"), "Zm9vYmE");
  EXPECT_EQ(Base64UrlEncode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(Base64UrlEncode(std::string("\xfb\xff\xfe", 3)), "-__-");
}

TEST(Base64UrlTest, RoundTripsAllByteValues) {
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes += static_cast<char>(i);
  for (size_t n = 0; n <= bytes.size(); n += 17) {
    auto decoded = Base64UrlDecode(Base64UrlEncode(bytes.substr(0, n)));
    ASSERT_TRUE(decoded) << decoded.error().message;
    EXPECT_EQ(*decoded, bytes.substr(0, n));
  }
}

TEST(Base64UrlTest, RejectsMalformedText) {
  EXPECT_FALSE(Base64UrlDecode("Zg=="));  // padding is not used in JOSE
  EXPECT_FALSE(Base64UrlDecode("Z"));     // impossible length
  EXPECT_FALSE(Base64UrlDecode("Zm9+"));  // '+' is plain base64, not base64url
  EXPECT_FALSE(Base64UrlDecode("Zh"));    // non-zero leftover bits
  auto error = Base64UrlDecode("ab$d");
  ASSERT_FALSE(error);
  EXPECT_NE(error.error().message.find("position 2"), std::string::npos);
}

}  // namespace
}  // namespace proaktiv::http::auth
