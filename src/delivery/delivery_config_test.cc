// The delivery configuration: the shipped file loads; values and per-service settings are
// read; bad values and unknown keys are errors naming the file, line and key.

#include "delivery/delivery_config.h"

#include <gtest/gtest.h>

namespace proaktiv::delivery {
namespace {

TEST(DeliveryConfigTest, TheShippedFileLoads) {
  auto c = DeliveryConfig::LoadFile(std::string(PROAKTIV_SOURCE_DIR) + "/config/delivery.yaml");
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->channels.size(), 4u);
  EXPECT_EQ(c->templates_path,
            std::string(PROAKTIV_SOURCE_DIR) + "/services/_delivery/templates.yaml");
  EXPECT_FALSE(c->ForService("welcome-new-resident").formal);
  EXPECT_TRUE(c->ForService("kindergarten-place").formal);
}

TEST(DeliveryConfigTest, ValuesAreRead) {
  auto c = DeliveryConfig::LoadString(R"(
portal_base_url: "https://proaktiv.example/"
reminder_after_days: 3
retry: {max_tries: 4, base_delay_seconds: 10, max_delay_seconds: 100}
channels:
  sms: {endpoint: "file:/tmp/sms.jsonl", rate_per_second: 2, burst: 3, options: {sender: K}}
  letter: {enabled: false}
services:
  default: {notice_when_reserved: false}
  sfo: {sms: false}
)",
                                      "/etc/proaktiv/delivery.yaml");
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->OfferLink(7), "https://proaktiv.example/offers/7");
  EXPECT_EQ(c->reminder_after, std::chrono::seconds(3 * 86400));
  EXPECT_EQ(c->retry.max_tries, 4);
  EXPECT_EQ(c->retry.base_delay, std::chrono::seconds(10));
  EXPECT_EQ(c->retry.max_delay, std::chrono::seconds(100));
  const ChannelConfig& sms = c->channels.at(ChannelKind::kSms);
  EXPECT_EQ(sms.endpoint, "file:/tmp/sms.jsonl");
  EXPECT_EQ(sms.rate.per_second, 2);
  EXPECT_EQ(sms.rate.burst, 3);
  EXPECT_EQ(sms.options.at("sender"), "K");
  EXPECT_FALSE(c->channels.at(ChannelKind::kLetter).enabled);
  EXPECT_TRUE(c->channels.at(ChannelKind::kEmail).enabled);
  EXPECT_FALSE(c->ForService("sfo").sms);
  EXPECT_FALSE(c->ForService("sfo").notice_when_reserved);  // from the default
  EXPECT_FALSE(c->ForService("other").notice_when_reserved);
  EXPECT_TRUE(c->ForService("other").sms);
  EXPECT_EQ(c->templates_path, "services/_delivery/templates.yaml");  // the default
  auto relative = DeliveryConfig::LoadString("templates: t/templates.yaml\n", "/etc/p/d.yaml");
  ASSERT_TRUE(relative);
  EXPECT_EQ(relative->templates_path, "/etc/p/t/templates.yaml");
}

void ExpectError(const std::string& yaml, const std::string& fragment) {
  auto c = DeliveryConfig::LoadString(yaml, "d.yaml");
  ASSERT_FALSE(c) << yaml;
  EXPECT_NE(c.error().message.find(fragment), std::string::npos) << c.error().message;
  EXPECT_NE(c.error().message.find("d.yaml:"), std::string::npos) << c.error().message;
}

TEST(DeliveryConfigTest, BadValuesNameTheKey) {
  ExpectError("retry: {max_tries: many}\n", "retry.max_tries");
  ExpectError("retry: {max_tries: 0}\n", "retry.max_tries");
  ExpectError("retry: {base_delay_seconds: 100, max_delay_seconds: 10}\n", "max_delay_seconds");
  ExpectError("channels: {pigeon: {}}\n", "pigeon");
  ExpectError("channels: {sms: {rate_per_second: fast}}\n", "channels.sms.rate_per_second");
  ExpectError("channels: {sms: {colour: red}}\n", "colour");
  ExpectError("services: {sfo: {formal: perhaps}}\n", "services.sfo.formal");
  ExpectError("reminder_after_days: -1\n", "reminder_after_days");
  ExpectError("portal: x\n", "portal");
}

}  // namespace
}  // namespace proaktiv::delivery
