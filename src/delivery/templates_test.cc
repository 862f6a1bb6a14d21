// Delivery templates: the default file loads and renders in every kind, form and language; an
// unknown placeholder, a missing language, kind or form, and an unknown key are refused with
// the file, line and template named.

#include "delivery/templates.h"

#include <gtest/gtest.h>

#include "common/text_template.h"

namespace proaktiv::delivery {
namespace {

const std::string kDefault =
    std::string(PROAKTIV_SOURCE_DIR) + "/services/_delivery/templates.yaml";

TemplateValues Values() {
  return {{"name", "Ola Nordmann"},   {"service", "Barnehageplass"},  {"kommune", "Bergen"},
          {"deadline", "2026-03-01"}, {"link", "https://x/offers/7"}, {"subject", "Emne"},
          {"body", "Hele teksten."}};
}

std::string Form(const std::string& placeholder = "{name}", const std::string& nn = "x") {
  return "    subject: {nb: \"" + placeholder + "\", nn: \"" + nn + "\", en: x}\n" +
         "    body: {nb: x, nn: x, en: x}\n";
}

std::string File(const std::string& offer_notice) {
  std::string out = "offer:\n  notice:\n" + offer_notice + "  full:\n" + Form();
  for (const char* kind : {"reminder", "change"}) {
    out += std::string(kind) + ":\n  notice:\n" + Form() + "  full:\n" + Form();
  }
  return out;
}

TEST(TemplatesTest, TheDefaultsLoadAndRenderEverywhere) {
  auto t = Templates::LoadFile(kDefault);
  ASSERT_TRUE(t) << t.error().message;
  for (auto kind :
       {store::MessageKind::kOffer, store::MessageKind::kReminder, store::MessageKind::kChange}) {
    for (auto channel : {ChannelKind::kSms, ChannelKind::kEmail, ChannelKind::kDigitalMailbox,
                         ChannelKind::kLetter}) {
      for (const char* lang : {"nb", "nn", "en"}) {
        auto r = t->Render(kind, channel, lang, Values());
        ASSERT_TRUE(r) << r.error().message;
        EXPECT_FALSE(r->subject.empty());
        EXPECT_NE(r->body.find("https://x/offers/7"), std::string::npos) << r->body;
      }
    }
  }
  auto sms = t->Render(store::MessageKind::kOffer, ChannelKind::kSms, "nn", Values());
  EXPECT_NE(sms->body.find("tilbod"), std::string::npos);
  EXPECT_EQ(sms->body.find("Hele teksten."), std::string::npos);  // notices carry no content
  auto letter = t->Render(store::MessageKind::kOffer, ChannelKind::kLetter, "nb", Values());
  EXPECT_EQ(letter->subject, "Emne");
  EXPECT_NE(letter->body.find("Hele teksten."), std::string::npos);
}

TEST(TemplatesTest, AnUnknownPlaceholderIsNamedWithTheFile) {
  auto t = Templates::LoadString(File(Form("Hei {adresse}")), "t.yaml");
  ASSERT_FALSE(t);
  EXPECT_NE(t.error().message.find("t.yaml:3"), std::string::npos) << t.error().message;
  EXPECT_NE(t.error().message.find("{adresse}"), std::string::npos);
  EXPECT_NE(t.error().message.find("offer.notice.subject"), std::string::npos);
  EXPECT_NE(t.error().message.find("(nb)"), std::string::npos);
  auto nn = Templates::LoadString(File(Form("{name}", "{namn}")), "t.yaml");
  ASSERT_FALSE(nn);
  EXPECT_NE(nn.error().message.find("(nn)"), std::string::npos);
}

TEST(TemplatesTest, BadBracesMissingPartsAndUnknownKeysAreRefused) {
  EXPECT_FALSE(Templates::LoadString(File(Form("{name")), "t.yaml"));
  EXPECT_FALSE(Templates::LoadString(File(Form("name}")), "t.yaml"));
  EXPECT_TRUE(Templates::LoadString(File(Form("{{literal}}")), "t.yaml"));
  EXPECT_FALSE(Templates::LoadString("offer:\n  notice:\n" + Form() + "  full:\n" + Form(), "t"));
  EXPECT_FALSE(Templates::LoadString(File(Form()) + "extra: 1\n", "t.yaml"));
  auto missing = Templates::LoadString(
      File("    subject: {nb: x, en: x}\n    body: {nb: x, nn: x, en: x}\n"), "t.yaml");
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message.find("nn"), std::string::npos);
}

TEST(TemplatesTest, FillNeedsEveryValue) {
  EXPECT_EQ(*RenderTemplate("Hei {name}! {{x}}", {{"name", "Ola"}}), "Hei Ola! {x}");
  auto missing = RenderTemplate("Hei {name}", {});
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message.find("{name}"), std::string::npos);
}

}  // namespace
}  // namespace proaktiv::delivery
