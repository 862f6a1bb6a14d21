// The engine's tables: offers are unique per (service, subject, occurrence), keep their
// recipients and transitions, survive a rollback only when committed; the date index returns
// what is due in order; opt-outs and caseworker tasks are idempotent.

#include <gtest/gtest.h>

#include "store/store.h"

namespace proaktiv::store {
namespace {

OfferRecord Offer(int64_t subject, const std::string& occurrence) {
  OfferRecord o;
  o.service = "kindergarten-place";
  o.subject_key = subject;
  o.occurrence = occurrence;
  o.kommunenummer = "4601";
  o.reason = "turns-one-by-november";
  o.decided_day = 20000;
  o.updated_day = 20000;
  o.deadline_day = 20040;
  o.decision_json = R"({"application":{}})";
  o.recipients = {7, 9};
  return o;
}

class EngineStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = OpenSqliteStore(":memory:");
    ASSERT_TRUE(s) << s.error().message;
    store_ = std::move(*s);
  }
  EngineStore& engine() { return store_->engine(); }
  std::unique_ptr<RegistryStore> store_;
};

TEST_F(EngineStoreTest, OneOfferPerServiceSubjectAndOccurrence) {
  ASSERT_TRUE(store_->Begin());
  auto id = engine().InsertOffer(Offer(1, "date:2026"), "trigger");
  ASSERT_TRUE(id) << id.error().message;
  auto again = engine().InsertOffer(Offer(1, "date:2026"), "trigger");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kAlreadyExists);
  EXPECT_TRUE(engine().InsertOffer(Offer(1, "date:2027"), "trigger"));
  ASSERT_TRUE(store_->Commit());

  auto found = engine().FindOffer("kindergarten-place", 1, "date:2026");
  ASSERT_TRUE(found && *found);
  EXPECT_EQ((*found)->id, *id);
  EXPECT_EQ((*found)->recipients, (std::vector<int64_t>{7, 9}));
  EXPECT_EQ((*found)->deadline_day, 20040);
  EXPECT_EQ((*found)->state, OfferState::kProposed);
  auto for_recipient = engine().OffersFor(9);
  ASSERT_TRUE(for_recipient);
  EXPECT_EQ(for_recipient->size(), 2u);
}

TEST_F(EngineStoreTest, UpdatesRecordTransitionsAndReplaceRecipients) {
  ASSERT_TRUE(store_->Begin());
  auto id = engine().InsertOffer(Offer(1, "date:2026"), "trigger");
  ASSERT_TRUE(id);
  auto offer = **engine().FindOfferById(*id);
  offer.state = OfferState::kWithdrawn;
  offer.recipients = {9};
  ASSERT_TRUE(engine().UpdateOffer(
      offer, OfferTransition{*id, OfferState::kProposed, OfferState::kWithdrawn, 1, 20010,
                             "now child-deceased", false}));
  ASSERT_TRUE(store_->Commit());
  auto transitions = engine().Transitions(*id);
  ASSERT_TRUE(transitions);
  ASSERT_EQ(transitions->size(), 2u);
  EXPECT_FALSE((*transitions)[0].from.has_value());
  EXPECT_EQ((*transitions)[1].to, OfferState::kWithdrawn);
  EXPECT_EQ((*transitions)[1].cause, "now child-deceased");
  EXPECT_EQ((**engine().FindOfferById(*id)).recipients, std::vector<int64_t>{9});
  auto open = engine().OffersAbout(1, true);
  ASSERT_TRUE(open);
  EXPECT_TRUE(open->empty());
}

TEST_F(EngineStoreTest, RolledBackOffersAreGone) {
  ASSERT_TRUE(store_->Begin());
  ASSERT_TRUE(engine().InsertOffer(Offer(1, "date:2026"), "trigger"));
  ASSERT_TRUE(store_->Rollback());
  auto found = engine().FindOffer("kindergarten-place", 1, "date:2026");
  ASSERT_TRUE(found);
  EXPECT_FALSE(found->has_value());
}

TEST_F(EngineStoreTest, DueEntriesComeInDateOrderAndOnce) {
  ASSERT_TRUE(store_->Begin());
  ASSERT_TRUE(engine().AddDue({20005, 2, "sfo", 0, ""}));
  ASSERT_TRUE(engine().AddDue({20001, 3, "sfo", 0, ""}));
  ASSERT_TRUE(engine().AddDue({20001, 3, "sfo", 0, ""}));  // the same entry again
  ASSERT_TRUE(engine().AddDue({20009, 1, "sfo", 1, "event:5"}));
  ASSERT_TRUE(store_->Commit());
  auto due = engine().DueThrough(20005, 10);
  ASSERT_TRUE(due);
  ASSERT_EQ(due->size(), 2u);
  EXPECT_EQ((*due)[0].due_day, 20001);
  EXPECT_EQ((*due)[1].person_key, 2);
  ASSERT_TRUE(engine().RemoveDue((*due)[0]));
  EXPECT_EQ(*engine().CountDue(), 2);
  auto later = engine().DueThrough(30000, 10);
  ASSERT_TRUE(later);
  EXPECT_EQ(later->back().occurrence, "event:5");
}

TEST_F(EngineStoreTest, OptOutsAndTasksAreIdempotent) {
  ASSERT_TRUE(engine().SetOptOut(5, "sfo", true, 20000));
  ASSERT_TRUE(engine().SetOptOut(5, "sfo", true, 20001));
  EXPECT_TRUE(*engine().IsOptedOut(5, "sfo"));
  EXPECT_FALSE(*engine().IsOptedOut(5, "school-start"));
  ASSERT_TRUE(engine().SetOptOut(5, "sfo", false, 20002));
  EXPECT_FALSE(*engine().IsOptedOut(5, "sfo"));

  CaseworkerTask task{"bereavement-support", 4, "event:9", "child-death", "4601", 20000};
  EXPECT_TRUE(*engine().AddCaseworkerTask(task));
  EXPECT_FALSE(*engine().AddCaseworkerTask(task));
  EXPECT_EQ(engine().CaseworkerTasks()->size(), 1u);
}

TEST(OfferStates, FollowTheLifeOfAnOffer) {
  using S = OfferState;
  EXPECT_TRUE(CanTransition(S::kProposed, S::kSent));
  EXPECT_TRUE(CanTransition(S::kSent, S::kOpened));
  EXPECT_TRUE(CanTransition(S::kOpened, S::kAccepted));
  EXPECT_TRUE(CanTransition(S::kSent, S::kDeclined));
  EXPECT_TRUE(CanTransition(S::kOpened, S::kWithdrawn));
  EXPECT_TRUE(CanTransition(S::kWithdrawn, S::kProposed));
  EXPECT_FALSE(CanTransition(S::kProposed, S::kAccepted));  // not delivered yet
  EXPECT_FALSE(CanTransition(S::kDeclined, S::kAccepted));  // final
  EXPECT_FALSE(CanTransition(S::kAccepted, S::kWithdrawn));
  EXPECT_FALSE(CanTransition(S::kExpired, S::kSent));
}

TEST(OfferNames, ParseWhatTheyPrint) {
  for (auto s :
       {OfferState::kProposed, OfferState::kSent, OfferState::kOpened, OfferState::kAccepted,
        OfferState::kDeclined, OfferState::kExpired, OfferState::kWithdrawn}) {
    EXPECT_EQ(*ParseOfferState(Name(s)), s);
  }
  auto bad = ParseOfferState("lost");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("'lost'"), std::string::npos);
}

}  // namespace
}  // namespace proaktiv::store
