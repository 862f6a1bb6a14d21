#include "http/api/language.h"

#include <gtest/gtest.h>

namespace proaktiv::http::api {
namespace {

TEST(LanguageTest, AcceptLanguageMapsNorwegianTagsAndQualities) {
  EXPECT_EQ(LanguageFromAcceptLanguage("nb"), "nb");
  EXPECT_EQ(LanguageFromAcceptLanguage("no"), "nb");
  EXPECT_EQ(LanguageFromAcceptLanguage("nb-NO"), "nb");
  EXPECT_EQ(LanguageFromAcceptLanguage("NO-no"), "nb");
  EXPECT_EQ(LanguageFromAcceptLanguage("nn-NO,nb;q=0.9"), "nn");
  EXPECT_EQ(LanguageFromAcceptLanguage("en-GB"), "en");
  EXPECT_EQ(LanguageFromAcceptLanguage("de-DE, fr;q=0.9, en;q=0.8"), "en");
  EXPECT_EQ(LanguageFromAcceptLanguage("en;q=0.5, nn;q=0.7"), "nn");
  EXPECT_EQ(LanguageFromAcceptLanguage("en;q=0, nb;q=0.1"), "nb");
  EXPECT_EQ(LanguageFromAcceptLanguage("*"), std::nullopt);
  EXPECT_EQ(LanguageFromAcceptLanguage("de, sv"), std::nullopt);
  EXPECT_EQ(LanguageFromAcceptLanguage(""), std::nullopt);
  EXPECT_EQ(LanguageFromAcceptLanguage("en;q=bogus"), std::nullopt);
}

TEST(LanguageTest, ParameterThenPreferenceThenHeaderThenBokmaal) {
  Request r;
  EXPECT_EQ(*ChooseLanguage(r, std::nullopt), "nb");
  r.headers = {{"accept-language", "en-US"}};
  EXPECT_EQ(*ChooseLanguage(r, std::nullopt), "en");
  EXPECT_EQ(*ChooseLanguage(r, std::string("nn")), "nn");
  r.query = "lang=nb";
  EXPECT_EQ(*ChooseLanguage(r, std::string("nn")), "nb");
  r.query = "lang=sv";
  auto bad = ChooseLanguage(r, std::nullopt);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().status, 400);
  EXPECT_NE(bad.error().detail.find("'sv'"), std::string::npos);
}

}  // namespace
}  // namespace proaktiv::http::api
