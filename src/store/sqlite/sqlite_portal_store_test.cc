// The portal's tables: a citizen's language is kept and replaced; feedback is one per offer and
// person, replaced when given again; the schema refuses scores outside 1–5 and languages other
// than nb, nn and en.

#include <gtest/gtest.h>

#include "store/store.h"

namespace proaktiv::store {
namespace {

class PortalStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = OpenSqliteStore(":memory:");
    ASSERT_TRUE(s) << s.error().message;
    store_ = std::move(*s);
  }

  int64_t AnOffer() {
    OfferRecord o;
    o.service = "kindergarten-place";
    o.subject_key = 1;
    o.occurrence = "date:2026";
    o.kommunenummer = "4601";
    o.decided_day = 20000;
    o.updated_day = 20000;
    o.decision_json = "{}";
    o.recipients = {7};
    EXPECT_TRUE(store_->Begin());
    auto id = store_->engine().InsertOffer(o, "trigger");
    EXPECT_TRUE(id) << id.error().message;
    EXPECT_TRUE(store_->Commit());
    return id ? *id : 0;
  }

  PortalStore& portal() { return store_->portal(); }
  std::unique_ptr<RegistryStore> store_;
};

TEST_F(PortalStoreTest, LanguageIsKeptAndReplaced) {
  auto none = portal().Language(7);
  ASSERT_TRUE(none) << none.error().message;
  EXPECT_FALSE(*none);
  ASSERT_TRUE(portal().SetLanguage(7, "nn", 20000));
  EXPECT_EQ(**portal().Language(7), "nn");
  ASSERT_TRUE(portal().SetLanguage(7, "en", 20001));
  EXPECT_EQ(**portal().Language(7), "en");
  EXPECT_FALSE(*portal().Language(8));
}

TEST_F(PortalStoreTest, SchemaRefusesAnUnknownLanguage) {
  auto bad = portal().SetLanguage(7, "de", 20000);
  EXPECT_FALSE(bad);
  EXPECT_FALSE(*portal().Language(7));
}

TEST_F(PortalStoreTest, FeedbackIsOnePerOfferAndPerson) {
  const int64_t offer = AnOffer();
  EXPECT_FALSE(*portal().Feedback(offer, 7));
  ASSERT_TRUE(portal().PutFeedback(
      OfferFeedback{offer, 7, "kindergarten-place", "4601", 4, "Fint", 20001}));
  ASSERT_TRUE(portal().PutFeedback(
      OfferFeedback{offer, 7, "kindergarten-place", "4601", 5, "Veldig fint", 20002}));
  auto f = portal().Feedback(offer, 7);
  ASSERT_TRUE(f && *f);
  EXPECT_EQ((*f)->satisfaction, 5);
  EXPECT_EQ((*f)->comment, "Veldig fint");
  EXPECT_EQ((*f)->day, 20002);
  EXPECT_EQ((*f)->service, "kindergarten-place");
  EXPECT_EQ((*f)->kommunenummer, "4601");
}

TEST_F(PortalStoreTest, SchemaRefusesScoresOutsideOneToFive) {
  const int64_t offer = AnOffer();
  EXPECT_FALSE(portal().PutFeedback(OfferFeedback{offer, 7, "s", "4601", 0, "", 20001}));
  EXPECT_FALSE(portal().PutFeedback(OfferFeedback{offer, 7, "s", "4601", 6, "", 20001}));
  EXPECT_FALSE(*portal().Feedback(offer, 7));
}

TEST_F(PortalStoreTest, FeedbackNeedsAnExistingOffer) {
  EXPECT_FALSE(portal().PutFeedback(OfferFeedback{999, 7, "s", "4601", 3, "", 20001}));
}

TEST_F(PortalStoreTest, FeedbackRollsBackWithTheTransaction) {
  const int64_t offer = AnOffer();
  ASSERT_TRUE(store_->Begin());
  ASSERT_TRUE(portal().PutFeedback(OfferFeedback{offer, 7, "s", "4601", 3, "", 20001}));
  ASSERT_TRUE(store_->Rollback());
  EXPECT_FALSE(*portal().Feedback(offer, 7));
}

}  // namespace
}  // namespace proaktiv::store
