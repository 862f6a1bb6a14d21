#include "common/base64.h"

#include <gtest/gtest.h>

namespace proaktiv {
namespace {

TEST(Base64Test, EncodesRfc4648Vectors) {
  const char* vectors[][3] = {{"", "", ""},
                              {"f", "Zg==", "Zg"},
                              {"fo", "Zm8=", "Zm8"},
                              {"foo", "Zm9v", "Zm9v"},
                              {"foob", "Zm9vYg==", "Zm9vYg"},
                              {"fooba", "Zm9vYmE=", "Zm9vYmE"},
                              {"foobar", "Zm9vYmFy", "Zm9vYmFy"}};
  for (const auto& [bytes, standard, url] : vectors) {
    EXPECT_EQ(Base64Encode(bytes), standard);
    EXPECT_EQ(Base64UrlEncode(bytes), url);
    EXPECT_EQ(Base64Decode(standard).value_or("?"), bytes);
    EXPECT_EQ(Base64UrlDecode(url).value_or("?"), bytes);
  }
  EXPECT_EQ(Base64Encode(std::string("\xfb\xff\xfe", 3)), "+//+");
  EXPECT_EQ(Base64UrlEncode(std::string("\xfb\xff\xfe", 3)), "-__-");
}

TEST(Base64Test, RoundTripsAllByteValues) {
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes += static_cast<char>(i);
  for (size_t n = 0; n <= bytes.size(); n += 17) {
    const std::string part = bytes.substr(0, n);
    auto url = Base64UrlDecode(Base64UrlEncode(part));
    ASSERT_TRUE(url) << url.error().message;
    EXPECT_EQ(*url, part);
    auto standard = Base64Decode(Base64Encode(part));
    ASSERT_TRUE(standard) << standard.error().message;
    EXPECT_EQ(*standard, part);
  }
}

TEST(Base64Test, UrlRejectsMalformedText) {
  EXPECT_FALSE(Base64UrlDecode("Zg=="));  // padding is not used in JOSE
  EXPECT_FALSE(Base64UrlDecode("Z"));     // impossible length
  EXPECT_FALSE(Base64UrlDecode("Zm9+"));  // '+' is plain base64, not base64url
  EXPECT_FALSE(Base64UrlDecode("Zh"));    // non-zero leftover bits
  auto error = Base64UrlDecode("ab$d");
  ASSERT_FALSE(error);
  EXPECT_EQ(error.error().message,
            "base64url text has a character outside the alphabet at position 2");
}

TEST(Base64Test, StandardRejectsMalformedText) {
  EXPECT_FALSE(Base64Decode("Zg"));          // padding required
  EXPECT_FALSE(Base64Decode("Zg="));         // not a multiple of 4
  EXPECT_FALSE(Base64Decode("Z==="));        // three padding characters
  EXPECT_FALSE(Base64Decode("Zg=a"));        // padding inside
  EXPECT_FALSE(Base64Decode("Zh=="));        // non-zero leftover bits
  EXPECT_FALSE(Base64Decode("Zm9-"));        // '-' is base64url
  EXPECT_FALSE(Base64Decode("Zm9v\nYmFy"));  // no line breaks
  EXPECT_EQ(Base64Decode("Zm9").error().message,
            "base64 text of 3 characters is not a multiple of 4");
}

}  // namespace
}  // namespace proaktiv
