// Every routing rule: no record, inactive record, reservation (with and without the service's
// notice), digital mailbox, SMS and e-mail notices, 18-month staleness for formal messages only
// (updated or verified), notification status, the service switching channels off, language,
// and the protected-address flag.

#include "delivery/routing.h"

#include <gtest/gtest.h>

#include "delivery/delivery_testing.h"

namespace proaktiv::delivery {
namespace {

using testing::Contact;
using testing::MakePerson;
using testing::Utc;
using Kinds = std::vector<ChannelKind>;

class RoutingTest : public ::testing::Test {
 protected:
  Route R(const std::optional<store::ContactRecord>& c, ServiceDeliverySettings s = {},
          store::MessageKind kind = store::MessageKind::kOffer) {
    return RouteMessage(c, person_, s, kind, now_);
  }
  registry::Person person_ = MakePerson("01019012345", "Ola");
  int64_t now_ = Utc("2026-03-02T10:00");
  int64_t fresh_ = Utc("2025-06-01T10:00");
};

TEST_F(RoutingTest, NoRecordGivesALetter) {
  Route r = R(std::nullopt);
  EXPECT_EQ(r.channels, Kinds{ChannelKind::kLetter});
  EXPECT_EQ(r.reason, "no-contact-record");
  EXPECT_EQ(r.language, "nb");
}

TEST_F(RoutingTest, AnInactiveRecordGivesALetter) {
  auto c = Contact(1, fresh_);
  c.status = "SLETTET";
  EXPECT_EQ(R(c).channels, Kinds{ChannelKind::kLetter});
  EXPECT_EQ(R(c).reason, "contact-record-not-active");
}

TEST_F(RoutingTest, ReservedGetsALetterAndTheServiceNoticeWhenAllowed) {
  auto c = Contact(1, fresh_);
  c.reserved = true;
  c.mailbox_address = "ola#1";
  c.mailbox_provider = "digipost";
  Route r = R(c);
  EXPECT_EQ(r.channels, (Kinds{ChannelKind::kLetter, ChannelKind::kSms, ChannelKind::kEmail}));
  EXPECT_EQ(r.reason, "reserved");
  ServiceDeliverySettings no_notice;
  no_notice.notice_when_reserved = false;
  EXPECT_EQ(R(c, no_notice).channels, Kinds{ChannelKind::kLetter});
  c.notification_status = "KAN_IKKE_VARSLES";
  EXPECT_EQ(R(c).channels, Kinds{ChannelKind::kLetter});
}

TEST_F(RoutingTest, ReservedWithStaleContactDataGetsOnlyTheLetterForFormalMessages) {
  auto c = Contact(1, Utc("2024-01-01T10:00"));
  c.reserved = true;
  EXPECT_EQ(R(c).channels, Kinds{ChannelKind::kLetter});
}

TEST_F(RoutingTest, DigitalMailboxWinsOverNotices) {
  auto c = Contact(1, fresh_);
  c.mailbox_address = "ola#1";
  c.mailbox_provider = "eboks";
  Route r = R(c);
  EXPECT_EQ(r.channels, Kinds{ChannelKind::kDigitalMailbox});
  EXPECT_EQ(r.reason, "digital-mailbox");
  c.mailbox_provider.clear();  // an address without a provider is not a mailbox
  EXPECT_EQ(R(c).channels, (Kinds{ChannelKind::kSms, ChannelKind::kEmail}));
}

TEST_F(RoutingTest, SmsAndEmailNoticesOtherwise) {
  auto c = Contact(1, fresh_);
  Route r = R(c);
  EXPECT_EQ(r.channels, (Kinds{ChannelKind::kSms, ChannelKind::kEmail}));
  EXPECT_EQ(r.reason, "notice");
  c.mobile.clear();
  EXPECT_EQ(R(c).channels, Kinds{ChannelKind::kEmail});
  c = Contact(1, fresh_);
  c.email.clear();
  EXPECT_EQ(R(c).channels, Kinds{ChannelKind::kSms});
}

TEST_F(RoutingTest, TheServiceMaySwitchAChannelOff) {
  ServiceDeliverySettings s;
  s.sms = false;
  EXPECT_EQ(R(Contact(1, fresh_), s).channels, Kinds{ChannelKind::kEmail});
  s.email = false;
  EXPECT_EQ(R(Contact(1, fresh_), s).channels, Kinds{ChannelKind::kLetter});
}

TEST_F(RoutingTest, ContactDataOlderThan18MonthsIsNotUsedForFormalMessages) {
  // 2026-03-02 minus 18 months is 2024-09-02 at the same time of day.
  auto just_inside = Contact(1, Utc("2024-09-02T10:00"));
  EXPECT_EQ(R(just_inside).channels, (Kinds{ChannelKind::kSms, ChannelKind::kEmail}));
  auto just_outside = Contact(1, Utc("2024-09-02T09:59"));
  Route r = R(just_outside);
  EXPECT_EQ(r.channels, Kinds{ChannelKind::kLetter});
  EXPECT_EQ(r.reason, "contact-data-stale");
  // A recent verification makes old data usable again.
  just_outside.mobile_verified = fresh_;
  EXPECT_EQ(R(just_outside).channels, Kinds{ChannelKind::kSms});
  // Information that is not a formal notice may use it.
  ServiceDeliverySettings informal;
  informal.formal = false;
  Route i = R(Contact(1, Utc("2020-01-01T10:00")), informal);
  EXPECT_EQ(i.channels, (Kinds{ChannelKind::kSms, ChannelKind::kEmail}));
  EXPECT_FALSE(i.formal);
}

TEST_F(RoutingTest, DataWithoutAnyDateIsStale) {
  auto c = Contact(1, fresh_);
  c.email_updated.reset();
  c.mobile_updated.reset();
  EXPECT_EQ(R(c).channels, Kinds{ChannelKind::kLetter});
}

TEST_F(RoutingTest, CannotNotifyGivesALetter) {
  auto c = Contact(1, fresh_);
  c.notification_status = "KAN_IKKE_VARSLES";
  EXPECT_EQ(R(c).channels, Kinds{ChannelKind::kLetter});
  EXPECT_EQ(R(c).reason, "cannot-notify");
}

TEST_F(RoutingTest, TheCitizensLanguage) {
  auto c = Contact(1, fresh_);
  c.language = "nn";
  EXPECT_EQ(R(c).language, "nn");
  c.language = "en";
  EXPECT_EQ(R(c).language, "en");
  c.language = "se";
  EXPECT_EQ(R(c).language, "nb");
}

TEST_F(RoutingTest, AProtectedAddressIsFlaggedForTheEnvelopeOnly) {
  EXPECT_FALSE(R(std::nullopt).protected_address);
  person_ = MakePerson("01019012345", "Kari", registry::AddressProtection::kStrengtFortrolig);
  Route r = R(std::nullopt);
  EXPECT_EQ(r.channels, Kinds{ChannelKind::kLetter});
  EXPECT_TRUE(r.protected_address);
}

TEST_F(RoutingTest, RemindersAndChangesFollowTheSameRules) {
  auto c = Contact(1, Utc("2023-01-01T10:00"));
  EXPECT_EQ(R(c, {}, store::MessageKind::kReminder).channels, Kinds{ChannelKind::kLetter});
  EXPECT_EQ(R(c, {}, store::MessageKind::kChange).channels, Kinds{ChannelKind::kLetter});
}

}  // namespace
}  // namespace proaktiv::delivery
